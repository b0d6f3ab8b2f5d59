//! Default catalogues of the Evaluation chapter: guiding questions and example indicators
//! per value cycle, and the kinds of knowledge capital. Sources are tagged as in
//! `shared/domain/cop-model.md` §7.

use super::catalogue::CatalogueEntry;

const STORY: &str = "Wenger-Trayner value-creation story template";

/// Guiding questions, one or more per cycle. (Starter set; the evaluation work extends it.)
pub fn cycle_questions() -> Vec<CatalogueEntry> {
    vec![CatalogueEntry::under(
        "immediate",
        "q_immediate_activity",
        "What activity or interaction did you take part in, and how was it for you?",
        "The story's first step: the activity itself.",
        STORY,
    )]
}

pub fn cycle_indicators() -> Vec<CatalogueEntry> {
    Vec::new()
}

pub fn knowledge_capitals() -> Vec<CatalogueEntry> {
    Vec::new()
}
