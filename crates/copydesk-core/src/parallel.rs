//! Work on both cores. The analysis runs on a thread of its own (one per open document in
//! the server), and rayon's workers help it with a long draft. In both helpers here the
//! calling thread works too, and takes back what no worker has started yet: it never sits
//! idle waiting for a worker to wake (on a busy machine that wait can be longer than the
//! work), and a worker that starts late simply finds less to do.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Below this many bytes of paragraphs to read, handing work to another core costs more
/// than it saves.
pub(crate) const PARALLEL_BYTES: usize = 16 * 1024;

/// Drafts from this many bytes (about 20,000 words) run their document stages on two cores:
/// below, the second thread costs about what it saves, in processor time for no quicker
/// answer (docs/performance.md).
pub const LONG_DRAFT_BYTES: usize = 128 * 1024;

/// Paragraphs handed out at a time when the work is shared between threads.
const CHUNK: usize = 8;

/// `one(i)` for every `i` in `0..n`, in order; `bytes` is how much text the calls read in
/// all. When that is much, the calling thread and rayon's workers take chunks of indices
/// from one counter until none is left.
pub fn share<T: Send + Sync>(n: usize, bytes: usize, one: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let helpers = rayon::current_num_threads()
        .saturating_sub(1)
        .min(n / CHUNK);
    if bytes < PARALLEL_BYTES || helpers == 0 {
        return (0..n).map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<OnceLock<T>> = (0..n).map(|_| OnceLock::new()).collect();
    let work = || loop {
        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
        if start >= n {
            break;
        }
        for (i, slot) in slots
            .iter()
            .enumerate()
            .take(n.min(start + CHUNK))
            .skip(start)
        {
            let _ = slot.set(one(i));
        }
    };
    rayon::in_place_scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|_| work());
        }
        work();
    });
    slots
        .into_iter()
        .enumerate()
        // Every slot is filled once the scope ends; computing again is only a fallback.
        .map(|(i, slot)| slot.into_inner().unwrap_or_else(|| one(i)))
        .collect()
}

/// `(a(), b())`: `b` on another core when `parallel`, else after `a` on this thread. The
/// caller runs `a`, then `b` too if no worker has taken it by then.
pub fn both<A, B>(parallel: bool, a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B)
where
    B: Send,
{
    if !parallel || rayon::current_num_threads() < 2 {
        return (a(), b());
    }
    let job = Mutex::new(Some(b));
    let done: Mutex<Option<B>> = Mutex::new(None);
    let run = || {
        let job = job.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(b) = job {
            let b = b();
            *done.lock().unwrap_or_else(|e| e.into_inner()) = Some(b);
        }
    };
    let a = rayon::in_place_scope(|scope| {
        scope.spawn(|_| run());
        let a = a();
        run();
        a
    });
    // Whoever took `b` has finished it when the scope ends (a panic in it would have
    // ended the scope with that panic).
    match done.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(b) => (a, b),
        None => unreachable!("the scope ends after `b` has run"),
    }
}

/// Drops `value` on a worker when `parallel`, else here: freeing what a long draft's
/// analysis no longer needs takes time that its result need not wait for.
pub(crate) fn drop_aside<T: Send + 'static>(value: T, parallel: bool) {
    if parallel && rayon::current_num_threads() > 1 {
        rayon::spawn(move || drop(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_gives_each_result_in_its_place() {
        for parallel in [false, true] {
            let (a, b) = both(parallel, || "a".repeat(3), || vec![1, 2, 3]);
            assert_eq!((a.as_str(), b.as_slice()), ("aaa", &[1, 2, 3][..]));
        }
    }

    #[test]
    fn share_keeps_the_order() {
        for bytes in [0, PARALLEL_BYTES] {
            let squares = share(1000, bytes, |i| i * i);
            assert!(squares.iter().enumerate().all(|(i, &s)| s == i * i));
        }
    }
}
