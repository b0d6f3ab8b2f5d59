//! The structure chooser: "is it a community of practice?" (`cop-model.md` §2.2, §3.3).
//!
//! The chooser asks the questions of the `chooser_questions` catalogue, one at a time; each
//! question's answers are the `chooser_options` entries under it, and each answer lists the
//! `structure_types` it fits (`points_to`). The recommendation is a pure function of the
//! catalogues and the answers:
//!
//! * every answer gives one point to each structure it fits;
//! * the structure with most points is recommended, the next one is the runner-up;
//! * a tie goes to the structure that fits the answer to the *earlier* question (the
//!   catalogue asks the most telling question, the group's purpose, first); structures that
//!   fit exactly the same answers are ranked in catalogue order;
//! * the reasons are the answers that fit the recommended structure, and the answers that
//!   speak against it are listed too, so that nobody mistakes a close call for a clear one;
//! * what to do next is the part of the structure's description after "Next:".
//!
//! Catalogues are data, so everything here works for a workspace's own questions, answers
//! and structures as well as for the defaults.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::catalogue::{CatalogueEntry, CatalogueKind, Catalogues};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX};
use super::organisation::{ChooserAnswer, StructureChoice};
use super::workspace::{
    fresh_id, CommunityDraft, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace,
};

/// The questions the chooser asks: the catalogue's questions that have at least one answer,
/// in catalogue order. A question without answers could not be answered, so it is skipped.
pub fn questions(cats: &Catalogues) -> Vec<&CatalogueEntry> {
    cats.get(CatalogueKind::ChooserQuestions)
        .iter()
        .filter(|q| cats.children(CatalogueKind::ChooserOptions, &q.id).next().is_some())
        .collect()
}

/// The answers to one question, in catalogue order.
pub fn options<'a>(cats: &'a Catalogues, question: &'a Id) -> Vec<&'a CatalogueEntry> {
    cats.children(CatalogueKind::ChooserOptions, question).collect()
}

/// The option an answer chose, when it exists and belongs to the answer's question.
fn chosen<'a>(cats: &'a Catalogues, a: &ChooserAnswer) -> Option<&'a CatalogueEntry> {
    cats.entry(CatalogueKind::ChooserOptions, &a.option_id)
        .filter(|o| o.parent_id.as_ref() == Some(&a.question_id))
        .filter(|_| cats.contains(CatalogueKind::ChooserQuestions, &a.question_id))
}

/// Whether an answer fits a structure.
pub fn fits(cats: &Catalogues, a: &ChooserAnswer, structure: &Id) -> bool {
    chosen(cats, a).is_some_and(|o| o.points_to.contains(structure))
}

/// How one structure fares against the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub structure_id: Id,
    /// How many answers fit the structure.
    pub points: usize,
    /// The answers that fit it, in question order.
    pub fitting: Vec<ChooserAnswer>,
}

/// The chooser's result: every structure ranked, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// Every structure of the catalogue, best first; the first is the recommendation.
    pub ranking: Vec<Standing>,
    /// The answers that counted (known question, answer belonging to it), in question order.
    pub answers: Vec<ChooserAnswer>,
}

impl Recommendation {
    pub fn best(&self) -> &Standing {
        &self.ranking[0]
    }

    pub fn structure_id(&self) -> &Id {
        &self.best().structure_id
    }

    /// The next best structure, when any answer fits it.
    pub fn runner_up(&self) -> Option<&Standing> {
        self.ranking.get(1).filter(|s| s.points > 0)
    }

    /// The answers that support the recommendation.
    pub fn reasons(&self) -> &[ChooserAnswer] {
        &self.best().fitting
    }

    /// The answers that do not fit the recommended structure.
    pub fn against(&self) -> Vec<&ChooserAnswer> {
        self.answers.iter().filter(|a| !self.reasons().contains(a)).collect()
    }

    /// True when the runner-up is level with the recommendation or one point behind:
    /// the answers do not settle the question clearly.
    pub fn is_close(&self) -> bool {
        self.runner_up().is_some_and(|r| r.points + 1 >= self.best().points)
    }
}

/// The recommendation for `answers`, or `None` when no answer fits any structure of the
/// catalogue (nothing answered yet, or answers whose structures were removed).
///
/// Answers to unknown questions, or naming an option that does not belong to their
/// question, are ignored; so is a second answer to the same question.
pub fn recommend(cats: &Catalogues, answers: &[ChooserAnswer]) -> Option<Recommendation> {
    let question_order = cats.get(CatalogueKind::ChooserQuestions);
    // The answers that count, one per question, in question order.
    let counted: Vec<ChooserAnswer> = question_order
        .iter()
        .filter_map(|q| answers.iter().find(|a| a.question_id == q.id))
        .filter(|a| chosen(cats, a).is_some())
        .cloned()
        .collect();
    let structures = cats.get(CatalogueKind::StructureTypes);
    let mut ranking: Vec<(usize, Standing)> = structures
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let fitting: Vec<ChooserAnswer> = counted.iter().filter(|a| fits(cats, a, &s.id)).cloned().collect();
            (
                i,
                Standing {
                    structure_id: s.id.clone(),
                    points: fitting.len(),
                    fitting,
                },
            )
        })
        .collect();
    // Most points first; then the structure that fits the earlier questions' answers; then
    // catalogue order. A lexicographic key, so the order is total and stable.
    ranking.sort_by(|(ia, a), (ib, b)| {
        b.points
            .cmp(&a.points)
            .then_with(|| {
                counted
                    .iter()
                    .map(|q| (a.fitting.contains(q), b.fitting.contains(q)))
                    .find(|(fa, fb)| fa != fb)
                    .map_or(
                        Ordering::Equal,
                        |(fa, _)| if fa { Ordering::Less } else { Ordering::Greater },
                    )
            })
            .then(ia.cmp(ib))
    });
    let ranking: Vec<Standing> = ranking.into_iter().map(|(_, s)| s).collect();
    if ranking.first().is_none_or(|s| s.points == 0) {
        return None;
    }
    Some(Recommendation {
        ranking,
        answers: counted,
    })
}

/// One reason in words: the question and the answer given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub question: String,
    pub answer: String,
}

/// The labels of `answers`, for showing the reasons for (or against) a recommendation.
pub fn in_words<'a>(cats: &Catalogues, answers: impl IntoIterator<Item = &'a ChooserAnswer>) -> Vec<Reason> {
    answers
        .into_iter()
        .map(|a| Reason {
            question: cats.label(CatalogueKind::ChooserQuestions, &a.question_id),
            answer: cats.label(CatalogueKind::ChooserOptions, &a.option_id),
        })
        .collect()
}

/// "Because: Build members' capability; …; Fuzzy: people join and drift at the edges." — the
/// reasons as one sentence, for a summary line.
pub fn because(cats: &Catalogues, rec: &Recommendation) -> String {
    let parts: Vec<String> = in_words(cats, rec.reasons()).into_iter().map(|r| r.answer).collect();
    format!("Because: {}.", parts.join("; ").trim_end_matches('.'))
}

/// A structure's description split into what it is and what to do next: the default
/// descriptions end with "Next: …". Without that marker everything is the summary.
pub fn split_next(description: &str) -> (&str, Option<&str>) {
    match description.find("Next:") {
        Some(at) => {
            let next = description[at + "Next:".len()..].trim();
            (description[..at].trim(), (!next.is_empty()).then_some(next))
        }
        None => (description.trim(), None),
    }
}

/// The formation type that matches a structure (same id), if the workspace has one: a
/// community of practice, a chapter or a practice group can be set up as such, a project
/// team cannot.
pub fn matching_formation<'a>(cats: &'a Catalogues, structure: &Id) -> Option<&'a CatalogueEntry> {
    cats.entry(CatalogueKind::FormationTypes, structure)
}

/// The formation type a new community created from a chooser result gets: the matching
/// one, else the catalogue's first.
pub fn formation_for_new(cats: &Catalogues, structure: &Id) -> Option<Id> {
    matching_formation(cats, structure)
        .or_else(|| cats.get(CatalogueKind::FormationTypes).first())
        .map(|e| e.id.clone())
}

/// Problems with a set of answers, under the field `answers`.
pub fn answer_problems(cats: &Catalogues, answers: &[ChooserAnswer]) -> FieldErrors {
    let mut e = Vec::new();
    let bad = |m: String| FieldError::new("answers", m);
    if answers.is_empty() {
        e.push(bad("Answer at least one question".into()));
    }
    for (i, a) in answers.iter().enumerate() {
        if !cats.contains(CatalogueKind::ChooserQuestions, &a.question_id) {
            e.push(bad(format!("There is no question '{}' any more", a.question_id)));
        } else if chosen(cats, a).is_none() {
            e.push(bad(format!(
                "'{}' is not an answer to “{}”",
                a.option_id,
                cats.label(CatalogueKind::ChooserQuestions, &a.question_id)
            )));
        }
        if answers[..i].iter().any(|x| x.question_id == a.question_id) {
            e.push(bad(format!(
                "“{}” is answered twice",
                cats.label(CatalogueKind::ChooserQuestions, &a.question_id)
            )));
        }
    }
    if e.is_empty() && recommend(cats, answers).is_none() {
        e.push(bad("None of the answers fits a structure of the catalogue".into()));
    }
    e
}

fn note_problems(note: &str) -> FieldErrors {
    too_long(note, LONG_MAX)
        .map(|m| vec![FieldError::new("note", format!("Note {m}"))])
        .unwrap_or_default()
}

/// The record to save: the answers in question order, with the recommendation they give.
fn choice_of(cats: &Catalogues, answers: &[ChooserAnswer], on: NaiveDate, note: &str) -> ModelResult<StructureChoice> {
    let mut e = answer_problems(cats, answers);
    e.extend(note_problems(note));
    if !e.is_empty() {
        return Err(ModelError::Invalid(e));
    }
    let rec =
        recommend(cats, answers).ok_or_else(|| ModelError::Refused("The answers recommend no structure".into()))?;
    Ok(StructureChoice {
        on,
        answers: rec.answers.clone(),
        recommended_id: rec.structure_id().clone(),
        note: note.trim().to_string(),
    })
}

impl Workspace {
    /// Saves a chooser result against a community, replacing the one saved before. The
    /// recommendation is computed here from the answers, never taken from the caller.
    /// With `set_formation`, the community's formation type becomes the one matching the
    /// recommended structure; that is refused when the catalogue has no such formation
    /// type (the form only offers it when there is one). Returns the recommended structure.
    pub fn save_structure_choice(
        &mut self,
        community: &Id,
        answers: &[ChooserAnswer],
        on: NaiveDate,
        note: &str,
        set_formation: bool,
        now: Timestamp,
    ) -> ModelResult<Id> {
        let choice = choice_of(&self.catalogues, answers, on, note)?;
        let formation = if set_formation {
            let f = matching_formation(&self.catalogues, &choice.recommended_id).ok_or_else(|| {
                ModelError::Refused(format!(
                    "There is no formation type “{}”; the community keeps its own",
                    self.catalogues
                        .label(CatalogueKind::StructureTypes, &choice.recommended_id)
                ))
            })?;
            Some(f.id.clone())
        } else {
            None
        };
        let recommended = choice.recommended_id.clone();
        self.with_community(community, now, |c| {
            if let Some(f) = formation {
                c.formation_type_id = f;
            }
            c.stewardship.structure_choice = Some(choice);
            Ok(())
        })?;
        Ok(recommended)
    }

    /// Creates a community named `name` for a chooser result and saves the result against
    /// it. Its formation type matches the recommended structure when the catalogue has
    /// one, else it is the catalogue's first; its stage is the first lifecycle stage.
    /// Problems with the name come back under the field `name`.
    #[allow(clippy::too_many_arguments)]
    pub fn create_community_from_choice(
        &mut self,
        id: Id,
        name: &str,
        answers: &[ChooserAnswer],
        on: NaiveDate,
        note: &str,
        now: Timestamp,
    ) -> ModelResult<Id> {
        let mut draft = CommunityDraft::new_in(self);
        draft.name = name.to_string();
        let mut e: FieldErrors = draft.problems(self).into_iter().filter(|p| p.field == "name").collect();
        e.extend(answer_problems(&self.catalogues, answers));
        e.extend(note_problems(note));
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        let choice = choice_of(&self.catalogues, answers, on, note)?;
        if let Some(f) = formation_for_new(&self.catalogues, &choice.recommended_id) {
            draft.formation_type_id = f;
        }
        // What is left (no formation type or stage in the catalogues) is not the user's
        // typing: say it in words.
        if let Some(p) = draft.problems(self).first() {
            return Err(ModelError::Refused(format!(
                "{}: the catalogues on the Data page need one first",
                p.message
            )));
        }
        fresh_id(super::readiness::id_taken(self, &id), &id)?;
        let recommended = choice.recommended_id.clone();
        self.add_community(id.clone(), &draft, now)?;
        self.with_community(&id, now, |c| {
            c.stewardship.structure_choice = Some(choice);
            Ok(())
        })?;
        Ok(recommended)
    }

    /// Removes the chooser result saved against a community.
    pub fn remove_structure_choice(&mut self, community: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| match c.stewardship.structure_choice.take() {
            Some(_) => Ok(()),
            None => Err(ModelError::NotFound("That community has no saved result".into())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(q: &str, o: &str) -> ChooserAnswer {
        ChooserAnswer {
            question_id: Id::new(q),
            option_id: Id::new(o),
        }
    }

    #[test]
    fn next_steps_follow_the_marker() {
        assert_eq!(
            split_next("A team. Next: set milestones."),
            ("A team.", Some("set milestones."))
        );
        assert_eq!(split_next("Just a description."), ("Just a description.", None));
        assert_eq!(split_next("Odd. Next:  "), ("Odd.", None));
    }

    #[test]
    fn every_default_question_has_answers_and_every_answer_fits_something() {
        let cats = Catalogues::default();
        assert_eq!(questions(&cats).len(), cats.chooser_questions.len());
        for o in &cats.chooser_options {
            assert!(!o.points_to.is_empty(), "{} fits nothing", o.id);
            for s in &o.points_to {
                assert!(
                    cats.contains(CatalogueKind::StructureTypes, s),
                    "{} points to {s}",
                    o.id
                );
            }
        }
        // Each structure is reachable: some answer fits it.
        for s in &cats.structure_types {
            assert!(
                cats.chooser_options.iter().any(|o| o.points_to.contains(&s.id)),
                "{}",
                s.id
            );
        }
    }

    #[test]
    fn an_answer_to_the_wrong_question_counts_for_nothing() {
        let cats = Catalogues::default();
        assert!(recommend(&cats, &[a("glue", "purpose_task")]).is_none());
        assert!(!fits(&cats, &a("glue", "purpose_task"), &Id::new("project_team")));
    }
}
