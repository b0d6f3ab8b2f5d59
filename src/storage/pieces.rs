//! Pieces of a workspace shared as small files: one community, one meeting, a community's
//! stories, a story-collection file for participants and a participant's answers. Each is a
//! one-community file ([`CommunityBundle`]) with a [`Piece`] label and the change stamps of
//! the records it holds, so that importing it merges (see [`crate::model::merge`]). Pure, so
//! it is tested natively.

use std::collections::BTreeSet;

use crate::model::evaluation::Story;
use crate::model::merge::{key_part, record_keys, without_records, MergeOptions, MergePlan};
use crate::model::{CatalogueKind, Id, Timestamp, Workspace};

use super::format::{CommunityBundle, Piece, PieceKind};
use super::import::referenced_entries;

/// Keeps the stamps of `bundle`'s records, taken from `ws`.
fn with_stamps(mut bundle: CommunityBundle, ws: &Workspace, piece: Option<Piece>) -> CommunityBundle {
    bundle.piece = piece;
    let keys = record_keys(&bundle.as_workspace(ws.updated_at));
    bundle.stamps = ws
        .stamps
        .iter()
        .filter(|(k, _)| !k.is_empty() && keys.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    bundle
}

/// One community, whole, with the people and organisations it refers to.
pub fn community_piece(ws: &Workspace, community: &Id) -> Option<CommunityBundle> {
    Some(with_stamps(CommunityBundle::of(ws, community)?, ws, None))
}

/// One meeting: its community with that meeting only, and none of its stories (they may
/// mention other meetings).
pub fn meeting_piece(ws: &Workspace, community: &Id, meeting: &Id) -> Option<CommunityBundle> {
    let mut bundle = CommunityBundle::of(ws, community)?;
    let c = &mut bundle.community;
    let m = c.facilitation.meetings.iter().find(|m| &m.id == meeting)?.clone();
    let title = m.title.clone();
    c.facilitation.meetings = vec![m];
    c.evaluation.stories.clear();
    Some(with_stamps(
        bundle,
        ws,
        Some(Piece {
            kind: PieceKind::Meeting,
            title,
            prompt: String::new(),
        }),
    ))
}

/// A community's value-creation stories, with the meetings they mention and no others.
pub fn stories_piece(ws: &Workspace, community: &Id) -> Option<CommunityBundle> {
    let mut bundle = CommunityBundle::of(ws, community)?;
    let c = &mut bundle.community;
    let mentioned: BTreeSet<Id> = c.evaluation.stories.iter().flat_map(|s| s.meeting_ids.clone()).collect();
    c.facilitation.meetings.retain(|m| mentioned.contains(&m.id));
    let title = format!("Stories of {}", c.name);
    Some(with_stamps(
        bundle,
        ws,
        Some(Piece {
            kind: PieceKind::Stories,
            title,
            prompt: String::new(),
        }),
    ))
}

/// A story-collection file: a shell of the community (its name, kind, stage, domain statement
/// and organisations; none of its members, meetings or records, which participants need not
/// see), with the catalogues participants need and the facilitator's invitation. Merging the
/// answers back never changes the community's own details (see [`plan_merge_files`]).
pub fn collection_piece(ws: &Workspace, community: &Id, prompt: &str) -> Result<CommunityBundle, String> {
    let c = ws.community(community).ok_or("that community no longer exists")?;
    let mut shell = without_records(c)?;
    shell.cultivation = Default::default();
    shell.stewardship = Default::default();
    shell.technology = Default::default();
    shell.facilitation = Default::default();
    shell.evaluation = Default::default();
    let organisations = ws
        .organisations
        .iter()
        .filter(|o| shell.organisation_ids.contains(&o.id))
        .cloned()
        .collect();
    let bundle = CommunityBundle {
        community: shell,
        people: Vec::new(),
        organisations,
        catalogues: ws.catalogues.clone(),
        stamps: Default::default(),
        piece: None,
    };
    let title = format!("Stories for {}", c.name);
    Ok(with_stamps(
        bundle,
        ws,
        Some(Piece {
            kind: PieceKind::Collection,
            title,
            prompt: prompt.trim().to_string(),
        }),
    ))
}

/// A participant's answers to a story-collection file: the same community shell with the
/// participant's stories, stamped as the participant's changes.
pub fn answers_piece(collection: &CommunityBundle, stories: &[Story], participant: &str) -> CommunityBundle {
    let mut bundle = collection.clone();
    bundle.community.evaluation.stories = stories.to_vec();
    let prefix = format!("communities/{}/evaluation/stories/", bundle.community.id.as_str());
    for s in stories {
        let key = format!("{prefix}{}", s.id.as_str());
        let mut stamp = crate::model::merge::Stamp::default();
        stamp.bump(participant, s.updated_at);
        bundle.stamps.insert(key, stamp);
    }
    let title = match stories.first().map(|s| s.teller_name.trim()).filter(|n| !n.is_empty()) {
        Some(name) => format!("{name}'s stories for {}", collection.community.name),
        None => format!("Stories for {}", collection.community.name),
    };
    bundle.piece = Some(Piece {
        kind: PieceKind::Answers,
        title,
        prompt: collection.piece.as_ref().map(|p| p.prompt.clone()).unwrap_or_default(),
    });
    bundle
}

/// The workspace a one-community file merges as: its records and stamps, and only the
/// catalogue entries its community uses (entries the user removed from their own catalogues
/// on purpose do not come back with every file from someone who kept the defaults).
pub fn merge_source(bundle: &CommunityBundle, saved_at: Timestamp) -> Workspace {
    let mut ws = bundle.as_workspace(saved_at);
    let mut wanted: Vec<(CatalogueKind, Id)> = referenced_entries(&bundle.community);
    let parents: Vec<(CatalogueKind, Id)> = wanted
        .iter()
        .filter_map(|(kind, id)| {
            let parent = kind.parent()?;
            let pid = bundle.catalogues.entry(*kind, id)?.parent_id.clone()?;
            Some((parent, pid))
        })
        .collect();
    wanted.extend(parents);
    for kind in CatalogueKind::ALL {
        ws.catalogues
            .get_mut(kind)
            .retain(|e| wanted.contains(&(kind, e.id.clone())));
    }
    ws.stamps = bundle.stamps.clone();
    ws
}

/// Plans merging several files (workspaces or pieces, in the order given) into `mine`.
pub fn plan_merge_files(mine: &Workspace, files: &[(String, FileSource)]) -> Result<MergePlan, String> {
    let sources: Vec<(String, Workspace, MergeOptions)> = files
        .iter()
        .map(|(name, f)| match f {
            FileSource::Workspace(ws) => (name.clone(), (**ws).clone(), MergeOptions::default()),
            FileSource::Piece(b, at) => {
                // A participant's answers carry only the community's shell: its own details
                // stay as they are in the workspace; only the stories are merged.
                let shell = b.piece.as_ref().is_some_and(|p| matches!(p.kind, PieceKind::Answers | PieceKind::Collection));
                let keep_own = if shell {
                    vec![format!("communities/{}", key_part(b.community.id.as_str()))]
                } else {
                    Vec::new()
                };
                (name.clone(), merge_source(b, *at), MergeOptions { piece: true, keep_own })
            }
        })
        .collect();
    crate::model::merge::plan_merge_all(mine, &sources)
}

/// A decoded file to merge.
#[derive(Clone, Debug, PartialEq)]
pub enum FileSource {
    Workspace(Box<Workspace>),
    /// A one-community file, and when it was saved.
    Piece(Box<CommunityBundle>, Timestamp),
}
