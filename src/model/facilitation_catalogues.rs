//! Default catalogues of the Facilitating chapter: the format library, the meeting phases
//! and the meeting checklist. Sources are tagged as in `shared/domain/cop-model.md` §5.

use super::catalogue::{CatalogueEntry, FormatSpec};

const WBG: &str = "Wenger-Trayner, learning-activity formats (WBG slide deck)";
const DESIGN: &str = "Meeting design built on Wenger-Trayner principles";

fn format(
    id: &str,
    label: &str,
    purpose: &str,
    serves: &[&str],
    spec: (u32, u32, u32),
    steps: &[&str],
    needs: (&str, &str),
) -> CatalogueEntry {
    CatalogueEntry {
        points_to: serves.iter().map(|s| super::ids::Id::new(*s)).collect(),
        format: Some(FormatSpec {
            steps: steps.iter().map(|s| s.to_string()).collect(),
            minutes: spec.0,
            group_min: spec.1,
            group_max: spec.2,
            online_needs: needs.0.into(),
            in_person_needs: needs.1.into(),
        }),
        ..CatalogueEntry::new(id, label, purpose, WBG)
    }
}

/// The format library. (Starter set; the facilitation work extends it.)
pub fn meeting_formats() -> Vec<CatalogueEntry> {
    vec![format(
        "case_clinic",
        "Case clinic",
        "A member brings a live problem; peers help them see it afresh and find next steps.",
        &["problem_solving", "seeking_experience"],
        (60, 4, 12),
        &["The case giver describes the problem", "Peers ask clarifying questions", "Peers share ideas while the case giver listens", "The case giver says what they will try"],
        ("Video call with breakout rooms", "A quiet room, chairs in a circle"),
    )]
}

pub fn meeting_phases() -> Vec<CatalogueEntry> {
    vec![
        CatalogueEntry::new("before", "Before", "Preparing the meeting.", DESIGN),
        CatalogueEntry::new("during", "During", "Running the meeting.", DESIGN),
        CatalogueEntry::new("after", "After", "Following the meeting up.", DESIGN),
    ]
}

pub fn meeting_checklist() -> Vec<CatalogueEntry> {
    vec![CatalogueEntry::under(
        "before",
        "purpose_tied_to_agenda",
        "Purpose tied to a learning-agenda topic",
        "The meeting says which learning-agenda topic it serves.",
        DESIGN,
    )]
}
