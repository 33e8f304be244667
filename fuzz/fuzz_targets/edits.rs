//! Edit sequences with arbitrary ranges on the server's document store, against a String
//! model (see `copydesk_fuzz::edits`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    copydesk_fuzz::edits(data);
});
