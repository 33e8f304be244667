//! Any bytes through the whole analysis, the checks, hover, the reports and the LSP
//! answers (see `copydesk_fuzz::analyze`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    copydesk_fuzz::analyze(data);
});
