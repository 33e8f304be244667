/// jemalloc: the analysis allocates many small, short-lived values (tokens, candidates,
/// facts) on several threads at once, where it runs about a tenth faster than the system
/// allocator and keeps the server's memory within its budget (measured in
/// `benches/lsp_latency.rs`).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    copydesk::cli::run()
}
