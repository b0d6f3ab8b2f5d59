//! Import planning: what a decoded file will do to the current workspace, before the user
//! confirms. Pure, so it is tested natively.

use crate::model::{validate_workspace, CatalogueKind, Problem, Timestamp, Workspace};

use super::format::{CommunityBundle, Document};

/// Counts shown in an import preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub organisations: usize,
    pub people: usize,
    pub communities: usize,
    pub memberships: usize,
    pub repertoire: usize,
}

impl Counts {
    pub fn of(ws: &Workspace) -> Self {
        Counts {
            organisations: ws.organisations.len(),
            people: ws.people.len(),
            communities: ws.communities.len(),
            memberships: ws.communities.iter().map(|c| c.memberships.len()).sum(),
            repertoire: ws.communities.iter().map(|c| c.practice.len()).sum(),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{} communities, {} people, {} organisations, {} memberships, {} repertoire items",
            self.communities, self.people, self.organisations, self.memberships, self.repertoire
        )
    }
}

/// What confirming an import will do.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportPlan {
    /// Replace the whole workspace with the file's.
    Replace {
        incoming: Box<Workspace>,
        incoming_counts: Counts,
        current_counts: Option<Counts>,
    },
    /// Add (or replace) one community, with the people, organisations and catalogue entries
    /// it needs that the workspace lacks. `result` is the workspace afterwards.
    AddCommunity {
        result: Box<Workspace>,
        community: String,
        replaces_existing: bool,
        new_people: usize,
        new_organisations: usize,
        new_catalogue_entries: usize,
    },
}

/// Adds a one-community file to `ws`. People and organisations already present (same id)
/// are kept as they are; missing ones are added, as are missing catalogue entries. A
/// community with the same id is replaced. The result is validated as a whole.
pub fn add_community(ws: &Workspace, bundle: &CommunityBundle, now: Timestamp) -> Result<ImportPlan, Vec<Problem>> {
    let mut out = ws.clone();
    let mut new_people = 0;
    let mut new_organisations = 0;
    let mut new_catalogue_entries = 0;
    for o in &bundle.organisations {
        if out.organisation(&o.id).is_none() {
            out.organisations.push(o.clone());
            new_organisations += 1;
        }
    }
    for p in &bundle.people {
        if out.person(&p.id).is_none() {
            out.people.push(p.clone());
            new_people += 1;
        }
    }
    for kind in CatalogueKind::ALL {
        for e in bundle.catalogues.get(kind) {
            if !out.catalogues.contains(kind, &e.id) {
                out.catalogues.get_mut(kind).push(e.clone());
                new_catalogue_entries += 1;
            }
        }
    }
    let replaces_existing = out.community(&bundle.community.id).is_some();
    out.communities.retain(|c| c.id != bundle.community.id);
    out.communities.push(bundle.community.clone());
    if now > out.updated_at {
        out.updated_at = now;
    }
    let problems = validate_workspace(&out);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ImportPlan::AddCommunity {
        community: bundle.community.name.clone(),
        result: Box::new(out),
        replaces_existing,
        new_people,
        new_organisations,
        new_catalogue_entries,
    })
}

/// The plan for a decoded document against the current workspace (if any).
pub fn plan(doc: Document, current: Option<&Workspace>, now: Timestamp) -> Result<ImportPlan, Vec<Problem>> {
    match doc {
        Document::Workspace(env) => Ok(ImportPlan::Replace {
            incoming_counts: Counts::of(&env.data),
            current_counts: current.map(Counts::of),
            incoming: Box::new(env.data),
        }),
        Document::Community(env) => match current {
            Some(ws) => add_community(ws, &env.data, now),
            // With no workspace yet, the community file becomes one.
            None => Ok(ImportPlan::Replace {
                incoming: Box::new(env.data.as_workspace(now)),
                incoming_counts: Counts::of(&env.data.as_workspace(now)),
                current_counts: None,
            }),
        },
    }
}
