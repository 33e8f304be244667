fn main() -> std::process::ExitCode {
    copydesk::cli::run()
}
