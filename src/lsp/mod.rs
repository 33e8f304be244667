//! The language server: a thin shell over the analysis that owns documents, positions,
//! scheduling and the protocol.
//!
//! - [`documents`]: the open texts (ropes), edited in order, with a generation per change.
//! - [`positions`]: LSP positions (UTF-16 or UTF-8) ↔ byte offsets, clamped.
//! - [`scheduler`]: analysis off the message loop, incremental, debounced, panics caught;
//!   [`workers`]: the threads it runs on, one per document.
//! - [`convert`], [`actions`], [`symbols`], [`sheet`]: analysis facts → protocol answers.
//! - [`config`]: `copydesk.toml` and the editor's settings.
//! - [`server`]: the handlers; [`transport`]: stdio that survives bad input, with
//!   [`framing`] (frames, recovering after a bad header) and [`message`] (what the
//!   protocol library could not decode is answered or dropped before it gets there).

use std::process::ExitCode;
use tower_lsp_server::{ClientSocket, LspService, Server};

pub mod actions;
pub mod config;
pub mod convert;
pub mod documents;
pub mod framing;
pub mod message;
pub mod positions;
pub mod scheduler;
pub mod server;
pub mod sheet;
pub mod sources;
pub mod symbols;
pub mod transport;
pub mod workers;
pub mod workspace;

pub use server::Backend;

/// The server with every handler and custom request, over any transport, analyzing whole
/// drafts with `analyze` (tests pass an analysis that fails).
pub fn service(analyze: scheduler::AnalyzeFn) -> (LspService<Backend>, ClientSocket) {
    service_with(scheduler::Analyzer::Whole(analyze), None)
}

/// The server with every handler and custom request, over any transport; the real server
/// uses [`scheduler::Analyzer::DEFAULT`], the incremental analysis, and writes diagnostics
/// to the transport's outbox.
pub fn service_with(
    analyzer: scheduler::Analyzer,
    outbox: Option<transport::Outbox>,
) -> (LspService<Backend>, ClientSocket) {
    LspService::build(|client| Backend::with_outbox(client, analyzer, outbox))
        .custom_method("copydesk/sourceSheet", Backend::source_sheet)
        .custom_method("copydesk/status", Backend::status)
        .finish()
}

/// Serves LSP on stdio until the client sends `exit` (or closes stdin). The exit code is 0
/// when `shutdown` came first, 1 otherwise, as the protocol asks.
pub fn serve() -> ExitCode {
    server::warm_up();
    crate::allocator::reserve_in_background();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("copydesk lsp: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let shut_down = runtime.block_on(async {
        let pipes = transport::guard_stdio();
        let (service, socket) =
            service_with(scheduler::Analyzer::DEFAULT, Some(pipes.outbox.clone()));
        let backend = service.inner().clone();
        Server::new(pipes.input, pipes.output, socket)
            .serve(service)
            .await;
        // The library's output end is closed now: wait until all of it has been written.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), pipes.flushed).await;
        backend.was_shut_down()
    });
    // Stdin is read on a blocking thread that cannot be interrupted: do not wait for it.
    runtime.shutdown_background();
    if shut_down {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
