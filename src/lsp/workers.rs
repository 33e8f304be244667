//! The threads that analyze documents.
//!
//! Each document is always analyzed on the same thread. An analysis allocates and frees a
//! great deal; on the same thread it reuses the memory (the allocator keeps one arena per
//! thread) and the caches the previous analysis of the document left warm, and the analysis
//! it replaces is freed where it was allocated. On tokio's blocking pool every keystroke
//! could land on another thread, and analyses were slower there, more of their time spent
//! in the allocator (docs/performance.md).
//!
//! Jobs of one thread run in order, so a request that needs an analysis waits behind the
//! analysis of the latest edit, which is what it would wait for anyway.

use std::hash::{BuildHasher, Hash};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Sender};

type Job = Box<dyn FnOnce() + Send>;

/// How many analysis threads: one per core of the machine the budgets are set on. A long
/// analysis of one draft does not hold up the drafts analyzed on the other.
pub const THREADS: usize = 2;

#[derive(Debug)]
pub struct Workers {
    /// One queue per thread; a thread that could not be started has none (its documents go
    /// to tokio's blocking pool).
    queues: Vec<Option<Sender<Job>>>,
}

impl Default for Workers {
    fn default() -> Workers {
        Workers::new(THREADS)
    }
}

impl Workers {
    pub fn new(threads: usize) -> Workers {
        let queues = (0..threads.max(1))
            .map(|i| {
                let (queue, jobs) = channel::<Job>();
                std::thread::Builder::new()
                    .name(format!("copydesk-analysis-{i}"))
                    .spawn(move || {
                        // Ends when the server drops its queues.
                        for job in jobs {
                            // A panic costs its job (its caller learns of it), not the thread.
                            let _ = catch_unwind(AssertUnwindSafe(job));
                        }
                    })
                    .ok()
                    .map(|_| queue)
            })
            .collect();
        Workers { queues }
    }

    /// Runs `job` on the thread of the document `key` and waits for its result; `Err` when
    /// it panicked.
    pub async fn run<K, T, F>(&self, key: &K, job: F) -> Result<T, String>
    where
        K: Hash + ?Sized,
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let slot = rustc_hash::FxBuildHasher.hash_one(key) as usize % self.queues.len();
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(job());
        });
        let sent = match &self.queues[slot] {
            Some(queue) => queue.send(job).map_err(|unsent| unsent.0),
            None => Err(job),
        };
        if let Err(job) = sent {
            // The document's thread could not be started (or has stopped): run it on the
            // blocking pool instead.
            tokio::task::spawn_blocking(job);
        }
        result
            .await
            .map_err(|_| "the analysis stopped unexpectedly".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_document_always_runs_on_the_same_thread() {
        let workers = Workers::new(2);
        let name = || std::thread::current().name().map(str::to_string);
        let first = workers.run("file:///a.md", name).await.unwrap();
        for _ in 0..10 {
            assert_eq!(workers.run("file:///a.md", name).await.unwrap(), first);
        }
        assert!(first.unwrap().starts_with("copydesk-analysis-"));
    }

    #[tokio::test]
    async fn a_panic_is_an_error_and_the_thread_goes_on() {
        let workers = Workers::new(1);
        let err = workers
            .run("x", || -> u32 { panic!("boom") })
            .await
            .unwrap_err();
        assert!(err.contains("stopped"), "{err}");
        assert_eq!(workers.run("x", || 7).await.unwrap(), 7);
    }
}
