//! The allocator of every binary built with the `jemalloc` feature (the default): the
//! server and command line, the tests, the benches and the examples, so that what is
//! measured is what runs. The fuzz targets build without it, so that AddressSanitizer sees
//! every allocation.
//!
//! jemalloc: the analysis allocates many small, short-lived values (tokens, candidates,
//! facts) on several threads at once, where it runs about a tenth faster than the system
//! allocator and keeps the server's memory within its budget (measured in
//! `benches/lsp_latency.rs`).

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (`_RJEM_MALLOC_CONF` in the environment still
/// overrides them). One arena for every thread instead of four per core: a draft's
/// analysis is built on its analysis thread and on the parallel workers, copied into the
/// workspace index on another and freed on yet another, and with one arena the memory one
/// thread frees is what the next analysis reuses. With 100 open 10k-word drafts the server
/// holds 48 MB against 51–53 MB, and opening a draft the index has read is 15–22 ms
/// against 19–28 ms; keystrokes take as long as before.
#[export_name = "_rjem_malloc_conf"]
static MALLOC_CONF: Option<&'static u8> = Some(&b"narenas:1\0"[0]);
