//! Whether a frame's body is a JSON-RPC message the protocol library can decode, and what
//! to do with it when it is not.
//!
//! The library stops serving for good on a message it cannot decode, and it is stricter
//! than the JSON grammar: it refuses nesting 128 levels deep, a lone surrogate escape
//! (`"\ud800"`, which some serializers emit), a number out of range (`1e999`) and a request
//! id that is not an `i64` (`1.5`, `1e5`, `2^64`). So every message is read here first,
//! the way the library will read it, and what it would choke on never reaches it: a lone
//! surrogate is replaced with U+FFFD (one UTF-16 code unit, like the escape it replaces,
//! so the positions of later edits still agree), a request gets an error response, a
//! notification or a response a warning in the log.

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// What to do with a frame's body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Pass it on; `id` when it is a request, `note` a warning to log first (the body was
    /// repaired).
    Forward {
        id: Option<Value>,
        note: Option<String>,
    },
    /// Answer it with this error response instead.
    Answer(Value),
    /// Drop it, logging this warning (a notification or response that cannot be decoded).
    Drop(String),
}

/// The JSON-RPC error response with `code` and `message`.
pub fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// A `window/logMessage` warning.
pub fn log_warning(message: &str) -> Value {
    json!({"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 2, "message": message}})
}

/// Judges one body, repairing lone surrogate escapes in place.
pub fn judge(body: &mut [u8]) -> Verdict {
    let id = match check(body) {
        Ok(id) => id,
        Err(Fault::Answer(response)) => return Verdict::Answer(response),
        Err(Fault::Drop(why)) => return Verdict::Drop(why),
    };
    let mut note = None;
    if let Err(error) = decodable(body) {
        // serde_json names a lone surrogate in several ways ("lone leading surrogate",
        // "unexpected end of hex escape"): any failure is retried once repaired.
        let repaired = replace_lone_surrogates(body);
        if repaired == 0 || decodable(body).is_err() {
            let why = format!("the message cannot be decoded: {error}");
            return match id {
                Some(id) => {
                    Verdict::Answer(error_response(id, -32700, &format!("Parse error: {why}")))
                }
                None => Verdict::Drop(format!("copydesk: ignored a message: {why}")),
            };
        }
        note = Some(format!(
            "copydesk: replaced {repaired} lone surrogate escape(s) with U+FFFD in a message"
        ));
    }
    if id.is_none() {
        if let Err(why) = typed_notification(body) {
            return Verdict::Drop(why);
        }
    }
    Verdict::Forward { id, note }
}

/// The library drops a notification whose parameters do not fit their type without a
/// word to the client (an edit with a negative line is lost silently, and the document
/// goes out of step; a `didOpen` whose text is a number leaves the document unknown, and
/// every later request about it fails). So every notification the server acts on is read
/// here as its type first, and one that does not fit is named in the log.
fn typed_notification(body: &[u8]) -> Result<(), String> {
    use tower_lsp_server::ls_types::{
        CancelParams, DidChangeConfigurationParams, DidChangeTextDocumentParams,
        DidChangeWatchedFilesParams, DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams,
        DidSaveTextDocumentParams, InitializedParams, SetTraceParams,
    };
    #[derive(Deserialize)]
    struct Notification<'a> {
        #[serde(borrow)]
        method: Option<std::borrow::Cow<'a, str>>,
        #[serde(borrow)]
        params: Option<&'a RawValue>,
    }
    fn fits<'a, T: Deserialize<'a>>(params: &'a str) -> Result<(), serde_json::Error> {
        serde_json::from_str::<T>(params).map(|_| ())
    }
    let Ok(Notification {
        method: Some(method),
        params,
    }) = serde_json::from_slice::<Notification>(body)
    else {
        return Ok(());
    };
    // An absent `params` reads as `null`, which no parameter type takes: the library
    // refuses both alike.
    let params = params.map_or("null", |p| p.get());
    let fit = match &*method {
        "initialized" => fits::<InitializedParams>(params),
        "textDocument/didOpen" => fits::<OpenParams>(params),
        "textDocument/didChange" => fits::<DidChangeTextDocumentParams>(params),
        "textDocument/didClose" => fits::<DidCloseTextDocumentParams>(params),
        "textDocument/didSave" => fits::<DidSaveTextDocumentParams>(params),
        "workspace/didChangeConfiguration" => fits::<DidChangeConfigurationParams>(params),
        "workspace/didChangeWatchedFiles" => fits::<DidChangeWatchedFilesParams>(params),
        "workspace/didChangeWorkspaceFolders" => fits::<DidChangeWorkspaceFoldersParams>(params),
        "$/cancelRequest" => fits::<CancelParams>(params),
        "$/setTrace" => fits::<SetTraceParams>(params),
        _ => Ok(()),
    };
    fit.map_err(|e| {
        format!("copydesk: ignored a {method} notification whose parameters do not fit: {e}")
    })
}

/// The parameters of `textDocument/didOpen` as the library reads them
/// (`DidOpenTextDocumentParams`), but with the text checked to be a string and not kept:
/// a long draft's text is not copied to be thrown away.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpenParams {
    #[allow(dead_code)] // Read for its type only.
    text_document: OpenedDocument,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // Read for their types only.
struct OpenedDocument {
    uri: tower_lsp_server::ls_types::Uri,
    language_id: AnyString,
    version: i32,
    text: AnyString,
}

/// A JSON string, read and not kept.
struct AnyString;

impl<'de> Deserialize<'de> for AnyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnyString, D::Error> {
        struct StringVisitor;
        impl Visitor<'_> for StringVisitor {
            type Value = AnyString;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, _: &str) -> Result<AnyString, E> {
                Ok(AnyString)
            }
        }
        d.deserialize_str(StringVisitor)
    }
}

/// Why a message is not passed on.
#[derive(Debug, PartialEq)]
enum Fault {
    Answer(Value),
    Drop(String),
}

/// Reads a value the way the library's decoder does, keeping nothing: it fails where the
/// library would (nesting, strings, numbers).
struct Decodable;

impl<'de> Deserialize<'de> for Decodable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Decodable, D::Error> {
        d.deserialize_any(DecodableVisitor)
    }
}

struct DecodableVisitor;

impl<'de> Visitor<'de> for DecodableVisitor {
    type Value = Decodable;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_str<E>(self, _: &str) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_unit<E>(self) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_none<E>(self) -> Result<Decodable, E> {
        Ok(Decodable)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Decodable, A::Error> {
        while seq.next_element::<Decodable>()?.is_some() {}
        Ok(Decodable)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decodable, A::Error> {
        while map.next_key::<Decodable>()?.is_some() {
            map.next_value::<Decodable>()?;
        }
        Ok(Decodable)
    }
}

fn decodable(body: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<Decodable>(body).map(|_| ())
}

/// Replaces each `\uXXXX` escape of a surrogate that is not half of a pair with `\uFFFD`
/// (the same six bytes long); returns how many. Every backslash of valid JSON is in a
/// string, so walking from escape to escape reads them as the parser does.
fn replace_lone_surrogates(body: &mut [u8]) -> usize {
    let hex = |b: &[u8]| -> Option<u16> {
        let text = std::str::from_utf8(b.get(..4)?).ok()?;
        u16::from_str_radix(text, 16).ok()
    };
    let unit_at = |body: &[u8], at: usize| -> Option<u16> {
        (body.get(at..at + 2)? == b"\\u")
            .then(|| hex(&body[at + 2..]))
            .flatten()
    };
    let mut replaced = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\\', &body[at..]) {
        let start = at + found;
        let Some(unit) = unit_at(body, start) else {
            at = start + 2; // Another escape (`\\`, `\"`, `\n`, …).
            continue;
        };
        let mut next = start + 6;
        let lone = match unit {
            0xD800..=0xDBFF => match unit_at(body, next) {
                Some(0xDC00..=0xDFFF) => {
                    next += 6; // A pair.
                    false
                }
                _ => true,
            },
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            body[start + 2..start + 6].copy_from_slice(b"FFFD");
            replaced += 1;
        }
        at = next;
    }
    replaced
}

/// Checks the message's shape: `Ok` with the id of a request, `None` for a notification or
/// a response.
fn check(body: &[u8]) -> Result<Option<Value>, Fault> {
    // Read as raw members, a long draft's `didOpen` is checked without copying its text
    // into a `Value`; a body that does not read so (not an object, a member twice, nested
    // too deep) is read whole, to say what is wrong with it.
    let shape = match serde_json::from_slice::<Members>(body) {
        Ok(members) => members.shape(),
        Err(_) => {
            let whole = Shape::of(&serde_json::from_slice(body).map_err(|e| {
                Fault::Answer(error_response(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {e}"),
                ))
            })?)?;
            // An object that reads whole but not as raw members has one of them twice,
            // which the library refuses to decode.
            return match whole.verdict()? {
                Some(id) => Err(Fault::Answer(error_response(
                    id,
                    -32600,
                    "Invalid request: a member appears twice",
                ))),
                None => Err(Fault::Drop(
                    "copydesk: ignored a message with a member that appears twice".to_string(),
                )),
            };
        }
    };
    shape.verdict()
}

/// The members of a message [`check`] looks at, as raw JSON text (`null` included: an
/// absent member is `None`, a `null` one is not).
#[derive(Deserialize)]
struct Members<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    jsonrpc: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    id: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    method: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    params: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    result: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    error: Option<&'a RawValue>,
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

impl Members<'_> {
    fn shape(&self) -> Shape {
        let value = |raw: Option<&RawValue>| {
            raw.map(|r| serde_json::from_str(r.get()).unwrap_or(Value::Null))
        };
        let first = |raw: Option<&RawValue>| raw.and_then(|r| r.get().bytes().next());
        let method = self
            .method
            .and_then(|m| serde_json::from_str::<&str>(m.get()).ok());
        Shape {
            jsonrpc: value(self.jsonrpc),
            id: value(self.id),
            method_is_string: first(self.method) == Some(b'"'),
            reserved: method.is_some_and(|m| m.starts_with("$/")),
            params_ok: matches!(first(self.params), None | Some(b'{' | b'[' | b'n')),
            answers: self.result.is_some() || self.error.is_some(),
        }
    }
}

/// What decides whether the library can decode a message.
struct Shape {
    jsonrpc: Option<Value>,
    /// `None` when absent.
    id: Option<Value>,
    method_is_string: bool,
    /// The method is one of the protocol's own (`$/…`), which are all notifications.
    reserved: bool,
    /// `params` is absent, an object, an array or `null`.
    params_ok: bool,
    /// It has a `result` or an `error`.
    answers: bool,
}

impl Shape {
    fn of(value: &Value) -> Result<Shape, Fault> {
        let Value::Object(map) = value else {
            return Err(Fault::Answer(error_response(
                Value::Null,
                -32600,
                "Invalid request: a message must be a JSON object",
            )));
        };
        Ok(Shape {
            jsonrpc: map.get("jsonrpc").cloned(),
            id: map.get("id").cloned(),
            method_is_string: map.get("method").is_some_and(Value::is_string),
            reserved: map
                .get("method")
                .and_then(Value::as_str)
                .is_some_and(|m| m.starts_with("$/")),
            params_ok: map
                .get("params")
                .is_none_or(|p| matches!(p, Value::Object(_) | Value::Array(_) | Value::Null)),
            answers: map.contains_key("result") || map.contains_key("error"),
        })
    }

    fn verdict(self) -> Result<Option<Value>, Fault> {
        let has_id = self.id.is_some();
        let id = self.id.unwrap_or(Value::Null);
        let id_shape_ok = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
        // The library's ids are strings or 64-bit signed integers.
        let id_ok = id_shape_ok && (!id.is_number() || id.is_i64());
        let is_request = self.method_is_string;
        let is_response = has_id && self.answers;
        if self.jsonrpc != Some(json!("2.0")) || !(is_request || is_response) {
            let id = if id_ok { id } else { Value::Null };
            return Err(Fault::Answer(error_response(id, -32600, "Invalid request")));
        }
        if !id_ok {
            if is_request {
                return Err(Fault::Answer(error_response(
                    Value::Null,
                    -32600,
                    "Invalid request: an id must be a string or an integer",
                )));
            }
            return Err(Fault::Drop(format!(
                "copydesk: ignored a response with the id {id}, which is not a string or an integer"
            )));
        }
        if !is_request {
            return Ok(None);
        }
        // The library rejects a request whose `params` is neither an object nor an array
        // (nor absent) as undecodable.
        if !self.params_ok {
            return Err(Fault::Answer(error_response(
                id,
                -32600,
                "Invalid request: params must be an object or an array",
            )));
        }
        // The protocol's `$/…` methods are notifications: a request for one is answered
        // here (the library would leave it unanswered).
        if self.reserved && has_id {
            return Err(Fault::Answer(error_response(
                id,
                -32601,
                "Method not found",
            )));
        }
        Ok(has_id.then_some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(body: &[u8]) -> Verdict {
        judge(&mut body.to_vec())
    }

    fn answer(body: &[u8]) -> Value {
        match verdict(body) {
            Verdict::Answer(v) => v,
            other => panic!("{}: {other:?}", String::from_utf8_lossy(body)),
        }
    }

    fn checked(body: &[u8]) -> Result<Option<Value>, Fault> {
        check(body)
    }

    #[test]
    fn checks_message_shapes() {
        assert_eq!(
            verdict(br#"{"jsonrpc":"2.0","id":1,"method":"x","params":{}}"#),
            Verdict::Forward {
                id: Some(json!(1)),
                note: None
            }
        );
        assert_eq!(
            verdict(br#"{"jsonrpc":"2.0","method":"exit"}"#),
            Verdict::Forward {
                id: None,
                note: None
            }
        );
        assert_eq!(
            verdict(br#"{"jsonrpc":"2.0","id":"a","result":null}"#),
            Verdict::Forward {
                id: None,
                note: None
            }
        );
        assert_eq!(answer(b"{\"jsonrpc\": ")["error"]["code"], -32700);
        assert_eq!(answer(b"[1,2]")["error"]["code"], -32600);
        let e = answer(br#"{"jsonrpc":"2.0","id":7,"method":"x","params":3}"#);
        assert_eq!((&e["id"], &e["error"]["code"]), (&json!(7), &json!(-32600)));
        assert_eq!(
            answer(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)["id"],
            Value::Null
        );
    }

    #[test]
    fn raw_members_and_the_whole_value_give_the_same_verdict() {
        let bodies: [&[u8]; 13] = [
            br#"{"jsonrpc":"2.0","id":null,"result":null}"#,
            br#"{"jsonrpc":"2.0","id":3,"error":{"code":1,"message":"x"}}"#,
            br#"{"jsonrpc":"2.0","id":"q","method":"m","params":null}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":[1]}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":"text"}"#,
            br#"{"jsonrpc":"2.0","method":7}"#,
            br#"{"jsonrpc":"1.0","method":"m"}"#,
            br#"{"jsonrpc":"\u0032.0","method":"m"}"#,
            br#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#,
            br#"{"jsonrpc":"2.0","id":1}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":{"text":"a\"b\\n"},"extra":1}"#,
            br#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#,
            br#"{"jsonrpc":"2.0","id":4,"method":"$/m"}"#,
        ];
        for body in bodies {
            let whole = Shape::of(&serde_json::from_slice(body).unwrap()).and_then(Shape::verdict);
            assert_eq!(checked(body), whole, "{}", String::from_utf8_lossy(body));
        }
        let bad = verdict(br#"{"jsonrpc":"2.0","method":"m","params":{"text":"\q"}}"#);
        assert!(matches!(bad, Verdict::Answer(e) if e["error"]["code"] == -32700));
    }

    #[test]
    fn a_member_given_twice_is_refused() {
        // Found by the `stdio` fuzz target: the whole value takes the last of the two, the
        // library refuses the message, and would stop serving.
        let e = answer(br#"{"jsonrpc":"2.0","id":8,"method":"a","x":1,"method":"b","params":{}}"#);
        assert_eq!((&e["id"], &e["error"]["code"]), (&json!(8), &json!(-32600)));
        let e = answer(br#"{"jsonrpc":"2.0","id":1,"id":2,"method":"a"}"#);
        assert_eq!(e["error"]["code"], -32600);
        assert!(matches!(
            verdict(br#"{"method":"m","jsonrpc":"2.0","method":"n"}"#),
            Verdict::Drop(_)
        ));
        assert!(matches!(
            verdict(br#"{"jsonrpc":"2.0","id":3,"result":1,"result":2}"#),
            Verdict::Drop(_)
        ));
    }

    #[test]
    fn ids_the_library_cannot_hold_are_refused() {
        for id in [
            "1.5",
            "1e5",
            "18446744073709551616",
            "9223372036854775808",
            "-0.0",
        ] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"workspace/symbol"}}"#);
            let e = answer(body.as_bytes());
            assert_eq!(
                (&e["id"], &e["error"]["code"]),
                (&Value::Null, &json!(-32600)),
                "{id}"
            );
            let response = format!(r#"{{"jsonrpc":"2.0","id":{id},"result":null}}"#);
            assert!(
                matches!(verdict(response.as_bytes()), Verdict::Drop(_)),
                "{id}"
            );
        }
        for id in ["-9223372036854775808", "0", "\"x\"", "null"] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"m"}}"#);
            assert!(
                matches!(verdict(body.as_bytes()), Verdict::Forward { .. }),
                "{id}"
            );
        }
    }

    #[test]
    fn reserved_requests_get_method_not_found_and_notifications_pass() {
        let e = answer(br#"{"jsonrpc":"2.0","id":9,"method":"$/unknown","params":{}}"#);
        assert_eq!((&e["id"], &e["error"]["code"]), (&json!(9), &json!(-32601)));
        assert!(matches!(
            verdict(br#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#),
            Verdict::Forward { id: None, .. }
        ));
    }

    #[test]
    fn deep_nesting_and_huge_numbers_are_refused_with_the_id() {
        let deep = format!(
            r#"{{"jsonrpc":"2.0","id":3,"method":"m","params":{{"x":{}{}}}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let e = answer(deep.as_bytes());
        assert_eq!((&e["id"], &e["error"]["code"]), (&json!(3), &json!(-32700)));
        let huge = br#"{"jsonrpc":"2.0","id":4,"method":"m","params":{"x":1e999}}"#;
        assert_eq!(answer(huge)["id"], 4);
        // As a notification: dropped with a warning.
        let deep = format!(
            r#"{{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{{"settings":{}{}}}}}"#,
            "{\"a\":".repeat(150),
            "}".repeat(150)
        );
        assert!(!matches!(verdict(deep.as_bytes()), Verdict::Forward { .. }));
        // Nesting the library takes is passed on.
        let fine = format!(
            r#"{{"jsonrpc":"2.0","method":"m","params":{}{}}}"#,
            "[".repeat(100),
            "]".repeat(100)
        );
        assert!(matches!(verdict(fine.as_bytes()), Verdict::Forward { .. }));
    }

    #[test]
    fn a_notification_with_a_negative_line_is_named() {
        let body = br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.md","version":2},"contentChanges":[{"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":0}},"text":"x"}]}}"#;
        match verdict(body) {
            Verdict::Drop(why) => assert!(why.contains("didChange") && why.contains("-1"), "{why}"),
            other => panic!("{other:?}"),
        }
        let fine = br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.md","version":2},"contentChanges":[{"text":"x"}]}}"#;
        assert!(matches!(verdict(fine), Verdict::Forward { .. }));
    }

    #[test]
    fn notifications_of_the_wrong_types_are_named_and_the_right_ones_pass() {
        let open = |doc: &str| {
            format!(
                r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{doc}}}}}"#
            )
        };
        let good = open(
            r#"{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"a\"b\u00e9"}"#,
        );
        assert!(matches!(verdict(good.as_bytes()), Verdict::Forward { .. }));
        for (body, names) in [
            (open(r#"{"uri":"file:///a.md","languageId":"markdown","version":1,"text":5}"#), "didOpen"),
            (open(r#"{"uri":"file:///a.md","languageId":"markdown","version":"x","text":""}"#), "didOpen"),
            (r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}"#.to_string(), "textDocument"),
            (r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.md","version":"x"},"contentChanges":[]}}"#.to_string(), "didChange"),
            (r#"{"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":7}}"#.to_string(), "didSave"),
            (r#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{}}"#.to_string(), "settings"),
            (r#"{"jsonrpc":"2.0","method":"workspace/didChangeWorkspaceFolders","params":{"event":{"added":1,"removed":[]}}}"#.to_string(), "didChangeWorkspaceFolders"),
            (r#"{"jsonrpc":"2.0","method":"initialized"}"#.to_string(), "initialized"),
            (r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":[1]}}"#.to_string(), "cancelRequest"),
        ] {
            match verdict(body.as_bytes()) {
                Verdict::Drop(why) => assert!(why.contains(names), "{why}"),
                other => panic!("{body}: {other:?}"),
            }
        }
        // Methods the server does not act on are left to the library.
        assert!(matches!(
            verdict(br#"{"jsonrpc":"2.0","method":"custom/thing","params":{"x":5}}"#),
            Verdict::Forward { .. }
        ));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let mut body =
            br#"{"jsonrpc":"2.0","id":5,"method":"m","params":{"q":"a\ud800b\\ud800\udc00\ud83d\ude00\udfff"}}"#
                .to_vec();
        let Verdict::Forward { id, note } = judge(&mut body) else {
            panic!("refused")
        };
        assert_eq!(id, Some(json!(5)));
        assert!(note.is_some_and(|n| n.contains("replaced 3 ")));
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["params"]["q"], "a\u{FFFD}b\\ud800\u{FFFD}😀\u{FFFD}");
        // In a member name too.
        let mut body = br#"{"jsonrpc":"2.0","method":"m","params":{"\udc01":1}}"#.to_vec();
        assert!(matches!(
            judge(&mut body),
            Verdict::Forward { note: Some(_), .. }
        ));
    }
}
