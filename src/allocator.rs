//! The memory allocator, and the heap the server touches before its first draft arrives.
//!
//! Every binary built with the `jemalloc` feature (the default) allocates with jemalloc: the
//! server and command line, the tests, the benches and the examples, so that what is
//! measured is what runs. The fuzz targets build without it, so that AddressSanitizer sees
//! every allocation. The analysis allocates many small, short-lived values (tokens,
//! candidates, facts) on several threads at once, where jemalloc is faster than the system
//! allocator and keeps the server's memory within its budget (measured in
//! `benches/lsp_latency.rs`; the figures are in docs/performance.md).

#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (`_RJEM_MALLOC_CONF` in the environment still
/// overrides them).
///
/// - `narenas:1`: one arena for every thread instead of four per core. A draft's analysis
///   is built on its analysis thread and on the parallel workers, copied into the workspace
///   index on another and freed on yet another; with one arena the memory one thread frees
///   is what the next analysis reuses: the server holds less memory with many open drafts
///   and opens a draft the index has read sooner, and keystrokes take as long as before
///   (docs/performance.md).
/// - `lg_extent_max_active_fit:12`: small values may be carved from a freed region up to
///   4096 times their page run (the default, 64, keeps them out of large freed regions), so
///   that they too reuse the pages of [`reserve`] and of a long draft's freed buffers.
#[cfg(feature = "jemalloc")]
#[export_name = "_rjem_malloc_conf"]
static MALLOC_CONF: Option<&'static u8> = Some(&b"narenas:1,lg_extent_max_active_fit:12\0"[0]);

/// About what the first analysis of a 100k-word draft touches of fresh memory (some 5,000
/// pages).
pub const RESERVE_BYTES: usize = 24 << 20;

/// Reserved in pieces this size, large enough that the allocator gives them back to the
/// arena, not to a thread's cache, when they are freed.
const RESERVE_CHUNK: usize = 256 << 10;

/// Touches [`RESERVE_BYTES`] of heap on a thread of its own, then frees them.
///
/// Each page of memory the process has never used costs a page fault when first written,
/// which is slow on a virtual machine, and the first analysis of a long draft writes
/// thousands of fresh pages. An editor starts the server when the first draft is opened,
/// so the open arrives just after; these pages are touched meanwhile on the core the
/// start-up warm-up leaves idle, and, freed into the arena, they are what that analysis
/// allocates. The allocator gives unused pages back to the system over the next ten
/// seconds. What it saves is measured in docs/performance.md.
pub fn reserve_in_background() {
    if cfg!(feature = "jemalloc") {
        // Should the thread not start, the first analysis faults its pages in itself.
        let _ = std::thread::Builder::new()
            .name("copydesk-heap".to_string())
            .spawn(|| reserve(RESERVE_BYTES));
    }
}

/// Allocates `bytes` of heap, writes to each of its pages so that the system backs them,
/// and frees it.
pub fn reserve(bytes: usize) {
    // The smallest page size: on larger pages some writes land on a page already backed.
    const PAGE: usize = 4096;
    let chunks: Vec<Vec<u8>> = (0..bytes.div_ceil(RESERVE_CHUNK))
        .map(|_| {
            let mut chunk = vec![0u8; RESERVE_CHUNK];
            for byte in chunk.iter_mut().step_by(PAGE) {
                *byte = 1;
            }
            chunk
        })
        .collect();
    drop(std::hint::black_box(chunks));
}
