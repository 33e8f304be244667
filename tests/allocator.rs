//! The heap the server touches at start-up (`copydesk::allocator::reserve`) is what the
//! allocations after it use: they take almost no page faults. Linux only (page faults of
//! one thread are counted by `getrusage`), and with jemalloc, the allocator it relies on.
#![cfg(all(target_os = "linux", feature = "jemalloc"))]

/// Page faults taken by the calling thread so far.
fn faults() -> i64 {
    // SAFETY: `getrusage` only writes the `rusage` it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) };
    assert_eq!(status, 0, "getrusage");
    usage.ru_minflt
}

/// About `bytes` of small values, the size an analysis makes, written to; with the page
/// faults their allocation took.
fn small_values(bytes: usize) -> (Vec<Vec<u64>>, i64) {
    let before = faults();
    let values: Vec<Vec<u64>> = (0..bytes / 256).map(|i| vec![i as u64; 32]).collect();
    (values, faults() - before)
}

#[test]
fn memory_reserved_on_another_thread_is_reused_without_page_faults() {
    let bytes = 8 << 20;
    let (first, fresh) = small_values(bytes);
    std::thread::spawn(move || copydesk::allocator::reserve(bytes + (1 << 20)))
        .join()
        .expect("reserve");
    let (second, reserved) = small_values(bytes);
    assert!(fresh > 1_000, "{fresh} page faults for fresh memory");
    assert!(
        reserved * 3 < fresh,
        "{reserved} page faults after the reserve, {fresh} before"
    );
    assert_eq!(first.len() + second.len(), 2 * (bytes / 256));
}
