//! The editor configurations that are not run in their editor here (Helix and Sublime Text
//! have no package on the registries this project's CI can reach) are checked against
//! their editors' documented schemas instead:
//!
//! - `editors/helix/languages.toml`: the keys of `[language-server.*]` and `[[language]]`
//!   in the Helix book (book/src/languages.md, "Language configuration" and "Language
//!   Server configuration");
//! - `editors/sublime/LSP.sublime-settings`: the client configuration keys of the LSP
//!   package (sublimelsp.github.io/LSP/client_configuration/).
//!
//! Both must start `copydesk lsp`, and the settings they send must be a configuration the
//! server accepts.

use copydesk::config::Config;
use serde_json::Value as Json;
use std::path::PathBuf;
use std::process::Command;
use toml::Value as Toml;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The server command a configuration gives is a real subcommand of the binary.
fn assert_serves_lsp(command: &str, args: &[String], what: &str) {
    assert_eq!(command, "copydesk", "{what}: the command");
    assert_eq!(args, ["lsp"], "{what}: the arguments");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{what}: `copydesk {} --help` failed",
        args.join(" ")
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Language Server Protocol"),
        "{what}: `copydesk {}` is not the language server",
        args.join(" ")
    );
}

/// Settings sent to the server (an object shaped like copydesk.toml) must be a valid
/// configuration: unknown sections, keys, check codes or severities are errors.
fn assert_valid_settings(settings: &Toml, what: &str) {
    let table = settings
        .as_table()
        .unwrap_or_else(|| panic!("{what}: settings must be a table"));
    let text = toml::to_string(table).unwrap();
    if let Err(e) = Config::from_toml(&text) {
        panic!("{what}: the server would refuse these settings: {e:?}\n{text}");
    }
}

fn strings(value: &Toml, what: &str) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array"))
        .iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{what}: expected strings, got {v}"))
                .to_string()
        })
        .collect()
}

fn assert_keys<'a>(keys: impl Iterator<Item = &'a String>, allowed: &[&str], what: &str) {
    for key in keys {
        assert!(
            allowed.contains(&key.as_str()),
            "{what}: `{key}` is not a documented key (documented: {allowed:?})"
        );
    }
}

/// Helix's documented `[[language]]` keys.
const HELIX_LANGUAGE_KEYS: &[&str] = &[
    "name",
    "language-id",
    "scope",
    "injection-regex",
    "file-types",
    "shebangs",
    "roots",
    "auto-format",
    "diagnostic-severity",
    "comment-tokens",
    "comment-token",
    "block-comment-tokens",
    "indent",
    "language-servers",
    "grammar",
    "formatter",
    "soft-wrap",
    "text-width",
    "rulers",
    "path-completion",
    "word-completion",
    "workspace-lsp-roots",
    "persistent-diagnostic-sources",
];

/// Helix's documented `[language-server.NAME]` keys.
const HELIX_SERVER_KEYS: &[&str] = &[
    "command",
    "args",
    "config",
    "timeout",
    "environment",
    "required-root-patterns",
];

/// Helix's documented LSP features (`only-features`, `except-features`).
const HELIX_FEATURES: &[&str] = &[
    "format",
    "goto-definition",
    "goto-declaration",
    "goto-type-definition",
    "goto-reference",
    "goto-implementation",
    "signature-help",
    "hover",
    "document-highlight",
    "completion",
    "code-action",
    "workspace-command",
    "document-symbols",
    "workspace-symbols",
    "diagnostics",
    "rename-symbol",
    "inlay-hints",
];

/// Languages and servers Helix defines itself (its languages.toml), which a user's file may
/// refer to without defining them.
const HELIX_BUILT_IN_LANGUAGES: &[&str] = &["markdown"];
const HELIX_BUILT_IN_SERVERS: &[&str] = &["marksman"];

#[test]
fn helix_languages_toml_follows_the_documented_schema() {
    let path = "editors/helix/languages.toml";
    let root: Toml = toml::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let root = root.as_table().unwrap();
    assert_keys(
        root.keys(),
        &["use-grammars", "language-server", "language", "grammar"],
        path,
    );

    // [language-server.copydesk]
    let servers = root["language-server"]
        .as_table()
        .expect("[language-server] is a table");
    for (name, server) in servers {
        let what = format!("{path}: [language-server.{name}]");
        let server = server.as_table().unwrap();
        assert_keys(server.keys(), HELIX_SERVER_KEYS, &what);
        assert!(server["command"].is_str(), "{what}: command is a string");
        if let Some(timeout) = server.get("timeout") {
            assert!(
                timeout.is_integer(),
                "{what}: timeout is a number of seconds"
            );
        }
    }
    let copydesk = servers
        .get("copydesk")
        .expect("a [language-server.copydesk] section");
    let args = copydesk
        .get("args")
        .map(|a| strings(a, "args"))
        .unwrap_or_default();
    assert_serves_lsp(
        copydesk["command"].as_str().unwrap(),
        &args,
        "[language-server.copydesk]",
    );
    if let Some(config) = copydesk.get("config") {
        assert_valid_settings(config, "[language-server.copydesk] config");
    }

    // [[language]]
    let languages = root["language"]
        .as_array()
        .expect("[[language]] is an array of tables");
    let mut file_types = Vec::new();
    let mut using_copydesk = Vec::new();
    for language in languages {
        let language = language.as_table().expect("each [[language]] is a table");
        let name = language
            .get("name")
            .and_then(Toml::as_str)
            .unwrap_or_else(|| panic!("{path}: a [[language]] without a name"));
        let what = format!("{path}: [[language]] {name}");
        assert_keys(language.keys(), HELIX_LANGUAGE_KEYS, &what);
        // A language Helix does not define needs its scope and file types.
        if !HELIX_BUILT_IN_LANGUAGES.contains(&name) {
            let scope = language.get("scope").and_then(Toml::as_str);
            assert!(
                scope.is_some_and(|s| s.starts_with("text.") || s.starts_with("source.")),
                "{what}: a new language needs a scope like text.<name>"
            );
            assert!(
                language.contains_key("file-types"),
                "{what}: a new language needs file-types"
            );
        }
        if let Some(types) = language.get("file-types") {
            for t in types.as_array().expect("file-types is an array") {
                match t {
                    Toml::String(ext) => file_types.push(ext.clone()),
                    Toml::Table(glob) => {
                        assert_keys(glob.keys(), &["glob"], &what);
                        assert!(glob["glob"].is_str(), "{what}: glob is a string");
                    }
                    other => panic!("{what}: a file type is a string or {{ glob = … }}: {other}"),
                }
            }
        }
        for server in language
            .get("language-servers")
            .and_then(Toml::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let server_name = match server {
                Toml::String(s) => s.as_str(),
                Toml::Table(t) => {
                    assert_keys(
                        t.keys(),
                        &["name", "only-features", "except-features"],
                        &what,
                    );
                    for key in ["only-features", "except-features"] {
                        if let Some(features) = t.get(key) {
                            for feature in strings(features, key) {
                                assert!(
                                    HELIX_FEATURES.contains(&feature.as_str()),
                                    "{what}: `{feature}` is not a Helix LSP feature"
                                );
                            }
                        }
                    }
                    t["name"].as_str().expect("a server's name")
                }
                other => panic!("{what}: a language server is a name or a table: {other}"),
            };
            assert!(
                servers.contains_key(server_name) || HELIX_BUILT_IN_SERVERS.contains(&server_name),
                "{what}: language server `{server_name}` is defined nowhere"
            );
            if server_name == "copydesk" {
                using_copydesk.push(name.to_string());
            }
        }
    }
    // copydesk reads Markdown (Helix's built-in language) and plain text.
    assert!(
        using_copydesk.contains(&"markdown".to_string()),
        "markdown uses copydesk: {using_copydesk:?}"
    );
    assert!(
        file_types.contains(&"txt".to_string()),
        ".txt drafts get a language: {file_types:?}"
    );
}

/// The LSP package's documented client configuration keys.
const SUBLIME_CLIENT_KEYS: &[&str] = &[
    "enabled",
    "command",
    "env",
    "settings",
    "initializationOptions",
    "selector",
    "priority_selector",
    "diagnostics_mode",
    "tcp_port",
    "experimental_capabilities",
    "disabled_capabilities",
];

/// Sublime Text's base scopes of Markdown and plain-text files.
const SUBLIME_DRAFT_SCOPES: &[&str] = &["text.html.markdown", "text.plain"];

#[test]
fn sublime_lsp_settings_follow_the_documented_schema() {
    let path = "editors/sublime/LSP.sublime-settings";
    let root: Json = serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let root = root.as_object().expect("the settings are an object");
    assert!(
        root.contains_key("clients"),
        "{path}: servers are configured under \"clients\""
    );
    let clients = root["clients"]
        .as_object()
        .expect("\"clients\" is an object");
    let client = clients["copydesk"]
        .as_object()
        .expect("a \"copydesk\" client");
    let what = format!("{path}: clients.copydesk");
    let keys: Vec<String> = client.keys().cloned().collect();
    assert_keys(keys.iter(), SUBLIME_CLIENT_KEYS, &what);
    assert_eq!(client["enabled"], Json::Bool(true), "{what}: enabled");

    let command: Vec<String> = client["command"]
        .as_array()
        .expect("command is an array")
        .iter()
        .map(|v| v.as_str().expect("command is strings").to_string())
        .collect();
    let (program, args) = command.split_first().expect("a command");
    assert_serves_lsp(program, args, &what);

    let selector = client["selector"].as_str().expect("selector is a string");
    let scopes: Vec<&str> = selector.split('|').map(str::trim).collect();
    for scope in &scopes {
        assert!(
            SUBLIME_DRAFT_SCOPES.contains(scope),
            "{what}: selector `{scope}` is not a draft's scope"
        );
    }
    for scope in SUBLIME_DRAFT_SCOPES {
        assert!(
            scopes.contains(scope),
            "{what}: selector leaves out {scope}"
        );
    }

    for key in ["settings", "initializationOptions"] {
        if let Some(value) = client.get(key) {
            let value = Toml::try_from(value).unwrap_or_else(|e| panic!("{what}: {key}: {e}"));
            assert_valid_settings(&value, &format!("{what}.{key}"));
        }
    }
}

#[test]
fn the_schema_checks_reject_what_the_editors_would_not_read() {
    // The checks above can fail: a misspelt key, a wrong check code, a bad selector.
    let bad_key = std::panic::catch_unwind(|| {
        assert_keys(
            ["language_servers".to_string()].iter(),
            HELIX_LANGUAGE_KEYS,
            "x",
        )
    });
    assert!(bad_key.is_err(), "language_servers (underscore) passed");
    let bad_settings = std::panic::catch_unwind(|| {
        let value: Toml = toml::from_str("[checks]\nunsuported-number = \"off\"").unwrap();
        assert_valid_settings(&value, "x")
    });
    assert!(bad_settings.is_err(), "a misspelt check code passed");
}

/// The VS Code extension's settings schema offers a severity for every check code, so that
/// no check is missing from the settings editor's completion.
#[test]
fn vscode_settings_list_every_check_code() {
    let package: Json = serde_json::from_str(&read("editors/vscode/package.json")).expect("JSON");
    let checks =
        &package["contributes"]["configuration"]["properties"]["copydesk.checks"]["properties"];
    let mut listed: Vec<&str> = checks
        .as_object()
        .expect("copydesk.checks properties")
        .keys()
        .map(String::as_str)
        .collect();
    let mut codes: Vec<&str> = copydesk::codes::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    listed.sort_unstable();
    codes.sort_unstable();
    assert_eq!(listed, codes);
}
