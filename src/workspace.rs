//! Consistency across the drafts of a workspace: the same person or place spelled one way
//! in this story and another way in the next one ("Zelenskyy" here, "Zelensky" there).
//!
//! The index keeps, per draft, only what the cross-draft check and workspace symbol search
//! need: the text (for positions) and each entity's name, kind and name mentions. Drafts
//! are analyzed one by one with the same configuration as the open ones.

use crate::analysis::entities::gazetteer;
use crate::analysis::entities::variants::{classify, same_spelling};
use crate::analysis::entities::{EntityKind, MentionKind};
use crate::analysis::local::Cache;
use crate::analysis::Analysis;
use crate::checks::{Code, Edit, Finding, Fix, Related};
use crate::config::Config;
use crate::draft::{Format, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One entity of an indexed draft.
#[derive(Debug, Clone)]
pub struct IndexedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Mentions that spell the name (not pronouns or descriptors).
    pub mentions: Vec<(Span, String)>,
}

/// What the index keeps of one draft.
#[derive(Debug, Clone)]
pub struct IndexedDraft {
    pub text: Arc<str>,
    pub entities: Vec<IndexedEntity>,
}

impl IndexedDraft {
    pub fn from_analysis(analysis: &Analysis) -> IndexedDraft {
        let entities = analysis
            .entities
            .iter()
            .map(|e| IndexedEntity {
                name: e.name.clone(),
                kind: e.kind,
                mentions: e
                    .mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .map(|m| (m.span.clone(), m.text.clone()))
                    .collect(),
            })
            .collect();
        IndexedDraft {
            text: analysis.draft.text.clone().into(),
            entities,
        }
    }
}

/// Files above this size are not indexed: a book-length manuscript is about 1 MB.
pub const MAX_DRAFT_BYTES: u64 = 2 * 1024 * 1024;

/// The most drafts one workspace index holds.
pub const MAX_DRAFTS: usize = 20_000;

/// Is this a draft copydesk reads (.md, .markdown, .txt)?
pub fn is_draft(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "txt")
    )
}

/// Would [`WorkspaceIndex::build`] on `root` index the file at `path`? A draft under the
/// root, in no hidden folder, not too large, and not ignored (`.gitignore`, `.ignore`): a
/// file created or changed outside the editor joins the index on the same terms as at
/// start-up, so generated copies in ignored folders never count as other stories.
///
/// Paths come from the client (file events, closed documents), so they are held to the
/// walk's terms on the file system too: a symbolic link is not followed (the walk skips
/// links), and the file, once every link on its way is resolved, must still be under the
/// root — a link to a folder outside would otherwise lead the reads out of the workspace.
pub fn is_indexable(root: &Path, path: &Path) -> bool {
    if !path.starts_with(root) || !is_draft(path) {
        return false;
    }
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() > MAX_DRAFT_BYTES {
        return false;
    }
    if !is_inside(root, path) {
        return false;
    }
    // The index's walk, entering only the folders on the way to `path`: it reads the same
    // ignore files and skips the same folders.
    let target = path.to_path_buf();
    walker(root)
        .filter_entry(move |entry| target.starts_with(entry.path()))
        .build()
        .flatten()
        .any(|entry| entry.path() == path)
}

/// [`is_indexable`] in any of the workspace folders `roots`.
pub fn is_indexable_in(roots: &[PathBuf], path: &Path) -> bool {
    roots.iter().any(|root| is_indexable(root, path))
}

/// Whether `path`, every symbolic link resolved, is under `root` (also resolved).
pub fn is_inside(root: &Path, path: &Path) -> bool {
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// The walk of a workspace: hidden files and folders skipped, ignore files honoured even
/// where the folder is not a git repository (drafts are often kept outside one), symbolic
/// links not followed.
fn walker(root: &Path) -> ignore::WalkBuilder {
    let mut walk = ignore::WalkBuilder::new(root);
    walk.hidden(true).require_git(false).follow_links(false);
    walk
}

/// The text of a draft the index reads: a regular file of at most [`MAX_DRAFT_BYTES`], in
/// UTF-8; `None` otherwise.
pub fn read_draft(path: &Path) -> Option<String> {
    crate::regular_file::read_text(path, MAX_DRAFT_BYTES).ok()
}

/// The drafts of a workspace, keyed by path.
#[derive(Debug, Clone, Default)]
pub struct WorkspaceIndex {
    pub drafts: BTreeMap<PathBuf, IndexedDraft>,
    /// The paragraph facts of the drafts the builder chose to keep them for.
    pub caches: Vec<(PathBuf, Cache)>,
    /// What the other drafts say of each name a draft asked about (see [`Memo`]).
    memo: Memo,
}

/// The other drafts' answers about names, remembered per asking draft. They hold while only
/// the asking draft changes, which is what happens while a document is being edited: it
/// asks about all of its names on every keystroke, and with hundreds of drafts in the
/// workspace, asking afresh would compare every name with every draft each time.
#[derive(Debug, Default)]
struct Memo(Mutex<HashMap<PathBuf, Answers>>);

/// One draft's remembered answers, by the kind and name asked about.
type Answers = HashMap<(EntityKind, String), Answer>;

/// Another draft's spelling of a name, and how many other drafts spell it as asked.
#[derive(Debug, Clone)]
struct Answer {
    other: Option<OtherSpelling>,
    using: usize,
}

impl Clone for Memo {
    /// A copy of an index asks afresh.
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl Memo {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Answers>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The draft at `path` changed: every other draft's answers may have.
    fn changed(&self, path: &Path) {
        self.lock().retain(|asking, _| asking == path);
    }
}

/// A workspace symbol: an entity of some draft and where it is first named.
#[derive(Debug, Clone)]
pub struct SymbolHit<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub name: &'a str,
    pub kind: EntityKind,
    pub span: Span,
}

impl WorkspaceIndex {
    /// Walks `root` for drafts (honouring .gitignore) and indexes each readable one.
    /// Files that are not UTF-8 or cannot be read are skipped: they are not drafts. So are
    /// files larger than any story ([`MAX_DRAFT_BYTES`]), and the walk stops after
    /// [`MAX_DRAFTS`]: an editor opened on a home or temporary folder must not spend
    /// minutes and gigabytes indexing it.
    pub fn build(root: &Path, config: &Config) -> WorkspaceIndex {
        WorkspaceIndex::build_skipping(root, config, |_| false, |_, _| false)
    }

    /// [`WorkspaceIndex::build`], leaving out the drafts `skip` names (the server's open
    /// documents, indexed from their open text instead). The paragraph facts of the drafts
    /// `keep(path, bytes)` chooses are kept in [`WorkspaceIndex::caches`] (the server keeps
    /// those of long drafts, so that opening one does not read it all again).
    pub fn build_skipping(
        root: &Path,
        config: &Config,
        skip: impl Fn(&Path) -> bool,
        keep: impl FnMut(&Path, usize) -> bool,
    ) -> WorkspaceIndex {
        WorkspaceIndex::build_roots_skipping(&[root.to_path_buf()], config, skip, keep)
    }

    /// [`WorkspaceIndex::build_skipping`] over several workspace folders, each walked on
    /// its own terms (its own ignore files; nothing above it). [`MAX_DRAFTS`] holds for all
    /// of them together, and a draft under two folders (one inside the other) is read once.
    pub fn build_roots_skipping(
        roots: &[PathBuf],
        config: &Config,
        skip: impl Fn(&Path) -> bool,
        mut keep: impl FnMut(&Path, usize) -> bool,
    ) -> WorkspaceIndex {
        let mut index = WorkspaceIndex::default();
        for root in roots {
            let walk = walker(root).build();
            for entry in walk.flatten() {
                let path = entry.path();
                if !entry.file_type().is_some_and(|t| t.is_file()) || !is_draft(path) {
                    continue;
                }
                if entry.metadata().map_or(true, |m| m.len() > MAX_DRAFT_BYTES) {
                    continue;
                }
                if index.drafts.len() >= MAX_DRAFTS {
                    return index;
                }
                if index.drafts.contains_key(path) || skip(path) {
                    continue;
                }
                if let Some(text) = read_draft(path) {
                    let mut cache = keep(path, text.len()).then(Cache::new);
                    let format = Format::from_path(path);
                    let analysis =
                        crate::analysis::analyze_owned_with(text, format, config, cache.as_mut());
                    index.update(path, &analysis);
                    if let Some(cache) = cache {
                        index.caches.push((path.to_path_buf(), cache));
                    }
                }
            }
        }
        index
    }

    /// Re-indexes one draft from its text.
    pub fn update_text(&mut self, path: &Path, text: &str, config: &Config) {
        let analysis = crate::analyze(text, Format::from_path(path), config);
        self.update(path, &analysis);
    }

    /// Re-indexes one draft from an analysis already made (an open document).
    pub fn update(&mut self, path: &Path, analysis: &Analysis) {
        self.memo.changed(path);
        self.drafts
            .insert(path.to_path_buf(), IndexedDraft::from_analysis(analysis));
    }

    pub fn remove(&mut self, path: &Path) {
        self.memo.changed(path);
        self.drafts.remove(path);
    }

    /// What the drafts other than `path` say of `name`, remembered (see [`Memo`]).
    fn answer(&self, path: &Path, name: &str, kind: EntityKind) -> Answer {
        let key = (kind, name.to_string());
        if let Some(known) = self.memo.lock().get(path).and_then(|m| m.get(&key)) {
            return known.clone();
        }
        let other = self.other_spelling(path, name, kind);
        let using = match other {
            Some(_) => self.drafts_using(path, name, kind),
            None => 0,
        };
        let answer = Answer { other, using };
        self.memo
            .lock()
            .entry(path.to_path_buf())
            .or_default()
            .insert(key, answer.clone());
        answer
    }

    /// People, places and organizations whose name contains `query` (case and accents
    /// ignored), each at its first name mention, at most `limit` of them.
    pub fn symbols(&self, query: &str, limit: usize) -> Vec<SymbolHit<'_>> {
        let query = crate::analysis::entities::variants::fold(query);
        let mut hits = Vec::new();
        for (path, draft) in &self.drafts {
            for e in &draft.entities {
                let Some((span, _)) = e.mentions.first() else {
                    continue;
                };
                if crate::analysis::entities::variants::fold(&e.name).contains(&query) {
                    hits.push(SymbolHit {
                        path,
                        text: &draft.text,
                        name: &e.name,
                        kind: e.kind,
                        span: span.clone(),
                    });
                    if hits.len() >= limit {
                        return hits;
                    }
                }
            }
        }
        hits
    }

    /// `name-variant` findings for names in `analysis` (the draft at `path`, whose own
    /// checks found `found`) that other drafts of the workspace spell differently. A spelling is flagged only where more
    /// drafts use the other one; an even split is reported without a fix, since only the
    /// house style list can say which is right. Names the house style list knows are left
    /// to the in-draft check, and so are mentions it already flags.
    pub fn variants_for(
        &self,
        path: &Path,
        analysis: &Analysis,
        found: &[Finding],
        config: &Config,
    ) -> Vec<Finding> {
        let Some(severity) = config.severity(Code::NameVariant) else {
            return Vec::new();
        };
        let flagged: Vec<&Span> = found
            .iter()
            .filter(|f| f.code == Code::NameVariant)
            .map(|f| &f.span)
            .collect();
        let mut findings = Vec::new();
        for entity in &analysis.entities {
            if in_house_style(&entity.name, config) {
                continue;
            }
            let Answer {
                other: Some(other),
                using,
            } = self.answer(path, &entity.name, entity.kind)
            else {
                continue;
            };
            let (ours, theirs) = (using + 1, other.drafts);
            if ours > theirs {
                continue;
            }
            for m in entity
                .mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name)
            {
                let Some(word) = word_span(&analysis.draft.text, &m.span, &other.word) else {
                    continue;
                };
                if flagged
                    .iter()
                    .any(|f| f.start < word.end && word.start < f.end)
                {
                    continue;
                }
                let file = other.path.file_name().map_or_else(
                    || other.path.display().to_string(),
                    |f| f.to_string_lossy().into_owned(),
                );
                let plural = if theirs == 1 { "draft" } else { "drafts" };
                let message = if ours < theirs {
                    format!(
                        "'{}' is spelled '{}' in {theirs} other {plural} ({file})",
                        other.word, other.replacement
                    )
                } else {
                    format!(
                        "'{}' is spelled '{}' in {file}: pick one spelling (the house style list can settle it)",
                        other.word, other.replacement
                    )
                };
                let fixes = if ours < theirs {
                    vec![Fix {
                        title: format!("Replace with '{}'", other.replacement),
                        edits: vec![Edit {
                            span: word.clone(),
                            new_text: other.replacement.clone(),
                        }],
                    }]
                } else {
                    Vec::new()
                };
                findings.push(Finding {
                    code: Code::NameVariant,
                    severity,
                    message,
                    span: word,
                    related: vec![Related {
                        message: format!("'{}' in {file}", other.replacement),
                        span: other.span.clone(),
                        path: Some(other.path.clone()),
                    }],
                    fixes,
                });
            }
        }
        findings
    }

    /// The number of other drafts that name an entity of `kind` exactly `name`.
    fn drafts_using(&self, path: &Path, name: &str, kind: EntityKind) -> usize {
        self.drafts
            .iter()
            .filter(|(p, d)| {
                p.as_path() != path
                    && d.entities
                        .iter()
                        .any(|e| e.kind == kind && same_spelling(&e.name, name))
            })
            .count()
    }

    /// Another draft's spelling of the same name: the word that differs, its replacement,
    /// how many drafts use that spelling, and where the first of them names it.
    fn other_spelling(&self, path: &Path, name: &str, kind: EntityKind) -> Option<OtherSpelling> {
        let mut found: Option<OtherSpelling> = None;
        for (p, draft) in &self.drafts {
            if p.as_path() == path {
                continue;
            }
            for e in draft.entities.iter().filter(|e| e.kind == kind) {
                let Some((word, replacement)) = differing_word(name, &e.name, kind) else {
                    continue;
                };
                let span = e
                    .mentions
                    .iter()
                    .find_map(|(s, t)| {
                        word_span(t, &(0..t.len()), &replacement)
                            .map(|w| s.start + w.start..s.start + w.end)
                    })
                    .unwrap_or(0..0);
                match &mut found {
                    Some(f) if f.replacement == replacement => f.drafts += 1,
                    Some(_) => {}
                    None => {
                        found = Some(OtherSpelling {
                            word,
                            replacement,
                            drafts: 1,
                            path: p.clone(),
                            span,
                        })
                    }
                }
            }
        }
        found
    }
}

#[derive(Debug, Clone)]
struct OtherSpelling {
    /// The word as this draft spells it.
    word: String,
    /// The word as the other drafts spell it.
    replacement: String,
    drafts: usize,
    path: PathBuf,
    span: Span,
}

/// When two names are spellings of one name — the same words but one, and that one a
/// variant by the kind of its difference — the differing words (ours, theirs). Names of
/// one word must be strong variants (accents, transliteration, doubled letters) or known
/// alternate place names; longer names share the other words, which is the context that
/// makes a weaker difference (a one-letter slip) a variant too. Alternate place names are
/// held to [`gazetteer::same_place_across_drafts`]: nothing else ties two drafts' places
/// together, and GeoNames gives places alternates that name other things (Bala, Pets).
fn differing_word(ours: &str, theirs: &str, kind: EntityKind) -> Option<(String, String)> {
    // Word by word, without allocating: a draft is compared with every name of every other
    // draft, and nearly every pair fails at once.
    let (mut a, mut b) = (ours.split_whitespace(), theirs.split_whitespace());
    let mut words = 0;
    let mut differing = None;
    loop {
        match (a.next(), b.next()) {
            (None, None) => break,
            (Some(x), Some(y)) => {
                words += 1;
                if !same_spelling(x, y) {
                    if differing.is_some() {
                        return None;
                    }
                    differing = Some((x, y));
                }
            }
            _ => return None,
        }
    }
    let (x, y) = differing?;
    let variant = match classify(x, y) {
        Some(k) => k.is_strong() || words > 1,
        None => false,
    } || (kind == EntityKind::Place && gazetteer::same_place_across_drafts(x, y));
    variant.then(|| (x.to_string(), y.to_string()))
}

/// The span of `word` as a whole word inside `within` of `text`.
fn word_span(text: &str, within: &Span, word: &str) -> Option<Span> {
    let hay = text.get(within.clone())?;
    let is_word = |c: Option<char>| {
        c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')
    };
    let mut from = 0;
    while let Some(i) = hay.get(from..)?.find(word) {
        let (s, e) = (from + i, from + i + word.len());
        if !is_word(hay[..s].chars().next_back()) && !is_word(hay[e..].chars().next()) {
            return Some(within.start + s..within.start + e);
        }
        from = e;
    }
    None
}

fn in_house_style(name: &str, config: &Config) -> bool {
    config.style.iter().any(|s| {
        std::iter::once(&s.name)
            .chain(&s.aliases)
            .chain(&s.wrong)
            .any(|n| same_spelling(n, name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KYIV: &str = "KYIV, June 10, 2025 — President Volodymyr Zelenskyy said on Tuesday that the talks went well, speaking in Kyiv.\n\n\"We are ready,\" Zelenskyy said.\n";
    const KYIV_2: &str = "KYIV, June 11, 2025 — President Volodymyr Zelenskyy met ministers in Kyiv on Wednesday, his office said.\n";
    const OTHER: &str = "LVIV, June 12, 2025 — President Volodymyr Zelensky visited Lviv on Thursday, officials said.\n\n\"It is a hard time,\" Zelensky said.\n";

    #[test]
    fn a_file_is_indexable_on_the_terms_of_the_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in [".drafts", "build", "desk"] {
            std::fs::create_dir(root.join(folder)).unwrap();
        }
        std::fs::write(root.join(".ignore"), "build/\n").unwrap();
        for name in ["a.md", ".drafts/b.md", "build/c.md", "desk/d.TXT", "e.pdf"] {
            std::fs::write(root.join(name), KYIV).unwrap();
        }
        let big = vec![b'a'; MAX_DRAFT_BYTES as usize + 1];
        std::fs::write(root.join("f.md"), big).unwrap();
        let walked: Vec<PathBuf> = WorkspaceIndex::build(root, &Config::default())
            .drafts
            .into_keys()
            .collect();
        assert_eq!(walked, [root.join("a.md"), root.join("desk/d.TXT")]);
        for name in ["a.md", "desk/d.TXT"] {
            assert!(is_indexable(root, &root.join(name)), "{name}");
        }
        for name in [".drafts/b.md", "build/c.md", "e.pdf", "f.md", "gone.md"] {
            assert!(!is_indexable(root, &root.join(name)), "{name}");
        }
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("a.md"), KYIV).unwrap();
        assert!(!is_indexable(root, &elsewhere.path().join("a.md")));
        // Links out of the root, to a file or to a folder, lead nowhere.
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(elsewhere.path().join("a.md"), root.join("link.md")).unwrap();
            symlink(elsewhere.path(), root.join("out")).unwrap();
            assert!(!is_indexable(root, &root.join("link.md")));
            assert!(!is_indexable(root, &root.join("out/a.md")));
            assert!(!is_indexable(root, &root.join("desk/../out/a.md")));
        }
    }

    fn index(drafts: &[(&str, &str)]) -> WorkspaceIndex {
        let mut index = WorkspaceIndex::default();
        for (path, text) in drafts {
            index.update_text(Path::new(path), text, &Config::default());
        }
        index
    }

    fn variants(index: &WorkspaceIndex, path: &str, text: &str, config: &Config) -> Vec<Finding> {
        let checked = crate::check(text, Format::Plain, config);
        index.variants_for(
            Path::new(path),
            &checked.analysis,
            &checked.findings,
            config,
        )
    }

    #[test]
    fn the_minority_spelling_is_flagged_with_the_other_draft_related() {
        let index = index(&[("a.txt", KYIV), ("b.txt", KYIV_2), ("c.txt", OTHER)]);
        let found = variants(&index, "c.txt", OTHER, &Config::default());
        assert_eq!(found.len(), 2, "{found:#?}");
        for f in &found {
            assert_eq!(&OTHER[f.span.clone()], "Zelensky");
            assert_eq!(f.fixes[0].edits[0].new_text, "Zelenskyy");
            let related = &f.related[0];
            assert_eq!(related.path.as_deref(), Some(Path::new("a.txt")));
            assert_eq!(&KYIV[related.span.clone()], "Zelenskyy");
        }
        assert!(
            found[0].message.contains("2 other drafts"),
            "{}",
            found[0].message
        );
        // The majority spelling is not flagged.
        assert!(variants(&index, "a.txt", KYIV, &Config::default()).is_empty());
    }

    #[test]
    fn remembered_answers_follow_changes_to_the_other_drafts() {
        let mut index = index(&[("a.txt", KYIV), ("b.txt", KYIV_2), ("c.txt", OTHER)]);
        let config = Config::default();
        // Asked twice while only c.txt changes: the same answer.
        let first = variants(&index, "c.txt", OTHER, &config);
        index.update_text(Path::new("c.txt"), OTHER, &config);
        assert_eq!(variants(&index, "c.txt", OTHER, &config), first);
        assert!(first[0].message.contains("2 other drafts"));
        // Another draft drops the majority spelling: c.txt is told of an even split.
        index.update_text(Path::new("b.txt"), "Taxes rose in March.\n", &config);
        let now = variants(&index, "c.txt", OTHER, &config);
        assert!(
            !now.is_empty() && now.iter().all(|f| f.fixes.is_empty()),
            "{now:#?}"
        );
        // And once no other draft names him, nothing.
        index.remove(Path::new("a.txt"));
        assert!(variants(&index, "c.txt", OTHER, &config).is_empty());
    }

    #[test]
    fn an_even_split_is_reported_on_both_sides_without_a_fix() {
        let index = index(&[("a.txt", KYIV), ("c.txt", OTHER)]);
        let here = variants(&index, "a.txt", KYIV, &Config::default());
        let there = variants(&index, "c.txt", OTHER, &Config::default());
        assert!(!here.is_empty() && !there.is_empty());
        assert!(here.iter().chain(&there).all(|f| f.fixes.is_empty()));
    }

    #[test]
    fn different_people_and_house_style_names_stay_silent() {
        let hale = "RIVERTON, March 6, 2025 — Councillor Marcus Hale said the cuts were deep.\n";
        let joan = "RIVERTON, March 7, 2025 — Treasurer Joan Hale said reserves were safe.\n";
        let index = index(&[("a.txt", hale), ("b.txt", joan)]);
        assert!(variants(&index, "b.txt", joan, &Config::default()).is_empty());

        let index = self::index(&[("a.txt", KYIV), ("b.txt", KYIV_2)]);
        let config = Config::from_toml("[[people]]\nname = \"Volodymyr Zelensky\"\n").unwrap();
        assert!(variants(&index, "c.txt", OTHER, &config).is_empty());
        let off = Config::from_toml("[checks]\nname-variant = \"off\"\n").unwrap();
        assert!(variants(&index, "c.txt", OTHER, &off).is_empty());
    }

    #[test]
    fn places_the_gazetteer_ties_only_by_a_stray_alternate_are_not_variants() {
        // Bala (Wales) and Basel, Pets and Pécs: alternates of one place in GeoNames,
        // different things in English copy.
        let bala = "BALA, Wales, May 3, 2025 — Flooding closed roads around Bala on Saturday, the council said.\n";
        let basel = "BASEL, Switzerland, May 4, 2025 — The art fair opened in Basel on Sunday, organizers said.\n";
        let index = index(&[("a.txt", bala), ("b.txt", basel)]);
        for (path, text) in [("a.txt", bala), ("b.txt", basel)] {
            let found = variants(&index, path, text, &Config::default());
            assert!(found.is_empty(), "{path}: {found:#?}");
        }
        // An older spelling of one place across two drafts still is one.
        let kiev =
            "KIEV, May 3, 2025 — Officials in Kiev said on Saturday that power was restored.\n";
        let kyiv =
            "KYIV, May 4, 2025 — Officials in Kyiv said on Sunday that trains were running.\n";
        let index = self::index(&[("a.txt", kiev), ("b.txt", kyiv)]);
        let found = variants(&index, "a.txt", kiev, &Config::default());
        assert!(
            found.iter().any(|f| &kiev[f.span.clone()] == "Kiev"),
            "{found:#?}"
        );
    }

    #[test]
    fn symbols_match_case_and_accent_insensitively() {
        let index = index(&[("a.txt", KYIV), ("c.txt", OTHER)]);
        let hits = index.symbols("zelensk", 10);
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.kind == EntityKind::Person));
        assert_eq!(&hits[0].text[hits[0].span.clone()], "Volodymyr Zelenskyy");
        assert!(index.symbols("zelensk", 1).len() == 1);
    }

    #[test]
    fn build_walks_drafts_and_skips_ignored_and_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), KYIV).unwrap();
        std::fs::write(dir.path().join("b.md"), OTHER).unwrap();
        std::fs::write(dir.path().join("c.txt"), [0xff, 0xfe, 0x00]).unwrap();
        let oversized = "word ".repeat(MAX_DRAFT_BYTES as usize / 5 + 1);
        std::fs::write(dir.path().join("e.txt"), oversized).unwrap();
        std::fs::create_dir(dir.path().join("skip")).unwrap();
        std::fs::write(dir.path().join("skip/d.txt"), KYIV_2).unwrap();
        // Honoured without a git repository around it.
        std::fs::write(dir.path().join(".gitignore"), "skip/\n").unwrap();
        let index = WorkspaceIndex::build(dir.path(), &Config::default());
        let names: Vec<_> = index
            .drafts
            .keys()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["a.txt", "b.md"]);
    }
}
