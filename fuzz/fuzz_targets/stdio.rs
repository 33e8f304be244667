//! Raw bytes on the server's standard input, through its framing and message checks, with
//! a well-formed request after them (see `copydesk_fuzz::stdio`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    copydesk_fuzz::stdio(data);
});
