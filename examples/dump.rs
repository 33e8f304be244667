//! Prints the whole analysis and the findings of each draft given (Rust debug form), to
//! compare the output of two versions of copydesk line by line:
//! `cargo run --release --example dump -- FILE...`.
//! `bench:N` stands for the N-word draft the benchmarks use.

use copydesk::config::Config;
use copydesk::Format;

#[path = "../benches/support/drafts.rs"]
mod drafts;

fn main() {
    let config = Config::default();
    for arg in std::env::args().skip(1) {
        let (text, format) = match arg.strip_prefix("bench:").map(str::parse::<usize>) {
            Some(Ok(words)) => (drafts::draft_of(words), Format::Markdown),
            _ => match std::fs::read_to_string(&arg) {
                Ok(text) => (text, Format::from_path(std::path::Path::new(&arg))),
                Err(e) => {
                    eprintln!("{arg}: {e}");
                    continue;
                }
            },
        };
        println!("=== {arg}");
        println!("{:#?}", copydesk::check(&text, format, &config));
    }
}
