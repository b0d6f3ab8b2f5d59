//! The lifecycle stage and the maturity soundboard (guidebook chapter 3, after Wenger,
//! McDermott & Snyder, 2002).
//!
//! **Stage.** Members rate statements from the `stage_questions` catalogue (each belongs to
//! a stage) from 0 (not at all) to [`AGREEMENT_MAX`] (fully). [`suggest_stage`] suggests the
//! stage whose statements were agreed with most on average; the core group then confirms a
//! stage on a date, which [`Workspace::confirm_stage`] records in the community's history.
//! Each stage comes with its typical tension and a checklist of cultivation tasks, both
//! catalogues whose entries belong to a stage. At the transformation stage the community
//! records how it ended or changed.
//!
//! **Maturity.** Not one level but a set of dimensions, each scored 0 to [`MATURITY_MAX`] on
//! its own (a "soundboard"), in dated assessments; [`compare`] sets two side by side.
//!
//! Decisions, so that pages and tests agree:
//! * A tie between stages is broken towards the **earlier** stage in catalogue order: the
//!   work of an earlier stage is rarely wasted, while claiming a later one too soon skips
//!   foundations. The suggestion names the stages it tied with, so the page can say so.
//! * Confirming the stage the community is already at records a dated **confirmation**
//!   (from and to the same stage): "we looked again in March and we are still maturing" is
//!   history worth keeping. A date before the last recorded change is refused.
//! * The transformation stage is the stage with id [`TRANSFORMATION_STAGE`], or the last
//!   stage of the catalogue when a workspace has removed that one. How the community ended
//!   or changed can be recorded (or edited) only while it is at that stage; a record made
//!   there stays when the community moves on (it is history), and can always be cleared.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::catalogue::{CatalogueEntry, CatalogueKind, Catalogues};
use super::cultivation::{
    DimensionScore, MaturityAssessment, StageAnswer, StageChange, Transformation, AGREEMENT_MAX, MATURITY_MAX,
};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX};
use super::workspace::{fresh_id, Community, FieldError, ModelError, ModelResult, Timestamp, Workspace};

/// The id of the stage at which a community ends or changes, in the default catalogue.
pub const TRANSFORMATION_STAGE: &str = "transformation";

/// Words for each agreement value, 0 to [`AGREEMENT_MAX`].
pub const AGREEMENT_LABELS: [&str; AGREEMENT_MAX as usize + 1] = ["not at all", "a little", "mostly", "fully"];

/// Words for each maturity score, 0 to [`MATURITY_MAX`].
pub const MATURITY_LABELS: [&str; MATURITY_MAX as usize + 1] =
    ["absent", "emerging", "developing", "established", "strong"];

/// How far a statement is true, in words ("mostly"); values past the scale read as the top.
pub fn agreement_label(value: u8) -> &'static str {
    AGREEMENT_LABELS[usize::from(value.min(AGREEMENT_MAX))]
}

/// A maturity score in words ("developing"); values past the scale read as the top.
pub fn maturity_label(value: u8) -> &'static str {
    MATURITY_LABELS[usize::from(value.min(MATURITY_MAX))]
}

// ----- the self-assessment -----

/// A stable 64-bit FNV-1a hash, the same in every build and browser.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The self-assessment statements in the order the form shows them: shuffled by a stable
/// hash of their ids, then spread so that two statements of the same stage follow each
/// other only when nothing else is left. The list thus does not give away which stage each
/// statement describes (the catalogue keeps them stage by stage), yet reads the same every
/// time.
pub fn statement_order(cats: &Catalogues) -> Vec<&CatalogueEntry> {
    let mut left: Vec<&CatalogueEntry> = cats.get(CatalogueKind::StageQuestions).iter().collect();
    left.sort_by_key(|e| (fnv1a(e.id.as_str()), e.id.as_str()));
    let mut out: Vec<&CatalogueEntry> = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let previous = out.last().and_then(|e| e.parent_id.as_ref());
        let at = left
            .iter()
            .position(|e| previous.is_none() || e.parent_id.as_ref() != previous)
            .unwrap_or(0);
        out.push(left.remove(at));
    }
    out
}

/// The agreement given to a statement, if it was answered.
pub fn answer_for(answers: &[StageAnswer], question: &Id) -> Option<u8> {
    answers.iter().find(|a| &a.question_id == question).map(|a| a.agreement)
}

/// How much the answered statements of one stage were agreed with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageScore {
    pub stage_id: Id,
    /// Statements the catalogue holds for this stage.
    pub statements: usize,
    /// Of those, the ones answered.
    pub answered: usize,
    /// The sum of their agreements.
    pub total: u32,
}

impl StageScore {
    /// The mean agreement over the answered statements, 0 to [`AGREEMENT_MAX`]; `None` when
    /// none was answered.
    pub fn mean(&self) -> Option<f64> {
        (self.answered > 0).then(|| f64::from(self.total) / self.answered as f64)
    }

    /// Compares mean agreements exactly (as fractions), an unanswered stage lowest.
    fn cmp_mean(&self, other: &StageScore) -> Ordering {
        match (self.answered, other.answered) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Less,
            (_, 0) => Ordering::Greater,
            (a, b) => (u64::from(self.total) * b as u64).cmp(&(u64::from(other.total) * a as u64)),
        }
    }
}

/// The stage the self-assessment points to, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageSuggestion {
    pub stage_id: Id,
    /// Other stages with the same mean agreement; the suggestion is the earliest of them.
    pub tied_with: Vec<Id>,
    /// Every stage's score, in catalogue order: the reasons to show.
    pub scores: Vec<StageScore>,
    /// Statements answered, of all in the catalogue.
    pub answered: usize,
    pub statements: usize,
}

/// Every stage's score, in catalogue order. Answers to statements no longer in the
/// catalogue are ignored.
pub fn stage_scores(cats: &Catalogues, answers: &[StageAnswer]) -> Vec<StageScore> {
    cats.get(CatalogueKind::LifecycleStages)
        .iter()
        .map(|stage| {
            let mut score = StageScore {
                stage_id: stage.id.clone(),
                statements: 0,
                answered: 0,
                total: 0,
            };
            for q in cats.children(CatalogueKind::StageQuestions, &stage.id) {
                score.statements += 1;
                if let Some(a) = answer_for(answers, &q.id) {
                    score.answered += 1;
                    score.total += u32::from(a.min(AGREEMENT_MAX));
                }
            }
            score
        })
        .collect()
}

/// The stage with the highest mean agreement over its answered statements; a tie goes to
/// the earlier stage in catalogue order. `None` when nothing is answered or every answer is
/// "not at all": then there is nothing to go on.
pub fn suggest_stage(cats: &Catalogues, answers: &[StageAnswer]) -> Option<StageSuggestion> {
    let scores = stage_scores(cats, answers);
    let best = scores
        .iter()
        .filter(|s| s.total > 0)
        // `max_by` keeps the last of equals; reversing the order keeps the first.
        .rev()
        .max_by(|a, b| a.cmp_mean(b))?;
    let tied_with = scores
        .iter()
        .filter(|s| s.stage_id != best.stage_id && s.cmp_mean(best) == Ordering::Equal)
        .map(|s| s.stage_id.clone())
        .collect();
    Some(StageSuggestion {
        stage_id: best.stage_id.clone(),
        tied_with,
        answered: scores.iter().map(|s| s.answered).sum(),
        statements: cats.get(CatalogueKind::StageQuestions).len(),
        scores,
    })
}

// ----- stages, tasks and transformation -----

/// The stage at which a community ends or changes: [`TRANSFORMATION_STAGE`] when the
/// catalogue has it, otherwise its last stage.
pub fn transformation_stage(cats: &Catalogues) -> Option<&Id> {
    let stages = cats.get(CatalogueKind::LifecycleStages);
    stages
        .iter()
        .find(|s| s.id.as_str() == TRANSFORMATION_STAGE)
        .or_else(|| stages.last())
        .map(|s| &s.id)
}

pub fn is_transformation_stage(cats: &Catalogues, stage: &Id) -> bool {
    transformation_stage(cats) == Some(stage)
}

/// What a history entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// The stage was set without a stage before it (an imported first entry).
    Set,
    /// The same stage was confirmed again.
    Confirmed,
    /// The community moved from one stage to another.
    Moved,
}

pub fn change_kind(h: &StageChange) -> ChangeKind {
    match &h.from_stage_id {
        None => ChangeKind::Set,
        Some(f) if f == &h.to_stage_id => ChangeKind::Confirmed,
        Some(_) => ChangeKind::Moved,
    }
}

/// The date of the last recorded change, before which no new one may be dated.
pub fn last_change_on(c: &Community) -> Option<NaiveDate> {
    c.cultivation.stage_history.last().map(|h| h.on)
}

/// When the community moved to its current stage: the date of the last entry that moved it
/// (confirmations since do not count); `None` when it has been there since it was added.
pub fn at_stage_since(c: &Community) -> Option<NaiveDate> {
    c.cultivation
        .stage_history
        .iter()
        .rev()
        .find(|h| change_kind(h) != ChangeKind::Confirmed)
        .map(|h| h.on)
}

/// A stage's cultivation tasks, and how many of them the community has done.
pub fn tasks_done_of(cats: &Catalogues, c: &Community, stage: &Id) -> (usize, usize) {
    let tasks: Vec<&CatalogueEntry> = cats.children(CatalogueKind::StageTasks, stage).collect();
    let done = tasks
        .iter()
        .filter(|t| c.cultivation.tasks_done.contains(&t.id))
        .count();
    (done, tasks.len())
}

// ----- maturity -----

impl MaturityAssessment {
    /// The score of a dimension, `None` when it was not scored.
    pub fn score(&self, dimension: &Id) -> Option<u8> {
        self.scores
            .iter()
            .find(|s| &s.dimension_id == dimension)
            .map(|s| s.score)
    }
}

/// One dimension of two assessments side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionDelta {
    pub dimension_id: Id,
    pub label: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
    /// `after - before`; `None` when either was not scored.
    pub change: Option<i8>,
}

/// Every dimension of the catalogue, in catalogue order, in `before` and `after` (any
/// dimension they score that the catalogue lost follows, labelled by its id).
pub fn compare(cats: &Catalogues, before: &MaturityAssessment, after: &MaturityAssessment) -> Vec<DimensionDelta> {
    let mut ids: Vec<Id> = cats
        .get(CatalogueKind::MaturityDimensions)
        .iter()
        .map(|d| d.id.clone())
        .collect();
    for s in before.scores.iter().chain(&after.scores) {
        if !ids.contains(&s.dimension_id) {
            ids.push(s.dimension_id.clone());
        }
    }
    ids.into_iter()
        .map(|d| {
            let (b, a) = (before.score(&d), after.score(&d));
            DimensionDelta {
                label: cats.label(CatalogueKind::MaturityDimensions, &d),
                change: b.zip(a).map(|(b, a)| a as i8 - b as i8),
                dimension_id: d,
                before: b,
                after: a,
            }
        })
        .collect()
}

/// A change for a table cell: "+2", "−1" (a true minus sign), "no change", or "not
/// comparable" when one side was not scored.
pub fn change_text(change: Option<i8>) -> String {
    match change {
        None => "not comparable".into(),
        Some(0) => "no change".into(),
        Some(d) if d > 0 => format!("+{d}"),
        Some(d) => format!("\u{2212}{}", d.unsigned_abs()),
    }
}

// ----- operations -----

fn invalid(field: &'static str, message: impl Into<String>) -> ModelError {
    ModelError::Invalid(vec![FieldError::new(field, message)])
}

fn check_note(note: &str) -> ModelResult {
    match too_long(note, LONG_MAX) {
        Some(m) => Err(invalid("note", format!("Note {m}"))),
        None => Ok(()),
    }
}

impl Workspace {
    /// True when a cultivation record of any community (a strategic link, agenda topic,
    /// maturity assessment or planned activity) uses this id. Validation wants ids unique
    /// across the whole workspace.
    fn cultivation_id_in_use(&self, id: &Id) -> bool {
        self.communities.iter().any(|c| {
            let k = &c.cultivation;
            k.forming.strategic_links.iter().any(|l| &l.id == id)
                || k.forming.agenda.iter().any(|t| &t.id == id)
                || k.maturity.iter().any(|a| &a.id == id)
                || k.activities.iter().any(|a| &a.id == id)
        })
    }

    /// Sets how far one self-assessment statement is true (0 to [`AGREEMENT_MAX`]), or
    /// clears the answer with `None`.
    pub fn answer_stage_statement(
        &mut self,
        community: &Id,
        question: &Id,
        agreement: Option<u8>,
        now: Timestamp,
    ) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::StageQuestions, question) {
            return Err(ModelError::NotFound("That statement no longer exists".into()));
        }
        if agreement.is_some_and(|a| a > AGREEMENT_MAX) {
            return Err(invalid(
                "agreement",
                format!("Agreement goes from 0 (not at all) to {AGREEMENT_MAX} (fully)"),
            ));
        }
        self.with_community(community, now, |c| {
            let answers = &mut c.cultivation.stage_answers;
            match (answers.iter_mut().find(|a| &a.question_id == question), agreement) {
                (Some(a), Some(v)) => a.agreement = v,
                (None, Some(v)) => answers.push(StageAnswer {
                    question_id: question.clone(),
                    agreement: v,
                }),
                (_, None) => answers.retain(|a| &a.question_id != question),
            }
            Ok(())
        })
    }

    /// Clears the whole self-assessment, to start a new one.
    pub fn clear_stage_answers(&mut self, community: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            c.cultivation.stage_answers.clear();
            Ok(())
        })
    }

    /// Records the stage the core group confirms, on a date, with the stage the
    /// self-assessment suggested at the time (if any) and a note. Confirming the current
    /// stage records a dated confirmation. A date before the last change is refused.
    #[allow(clippy::too_many_arguments)]
    pub fn confirm_stage(
        &mut self,
        community: &Id,
        stage: &Id,
        on: NaiveDate,
        note: &str,
        suggested: Option<&Id>,
        now: Timestamp,
    ) -> ModelResult {
        let mut e = Vec::new();
        if !self.catalogues.contains(CatalogueKind::LifecycleStages, stage) {
            e.push(FieldError::new("stage_id", "Choose a stage from the list"));
        }
        if let Some(last) = self.community(community).and_then(last_change_on) {
            if on < last {
                e.push(FieldError::new(
                    "on",
                    format!("The date must not be before the last recorded change ({last})"),
                ));
            }
        }
        if let Some(m) = too_long(note, LONG_MAX) {
            e.push(FieldError::new("note", format!("Note {m}")));
        }
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        // A suggestion from a catalogue entry deleted meanwhile is not worth refusing for.
        let suggested = suggested
            .filter(|s| self.catalogues.contains(CatalogueKind::LifecycleStages, s))
            .cloned();
        self.with_community(community, now, |c| {
            c.cultivation.stage_history.push(StageChange {
                on,
                from_stage_id: Some(c.lifecycle_stage_id.clone()),
                to_stage_id: stage.clone(),
                suggested_stage_id: suggested,
                note: note.trim().to_string(),
            });
            c.lifecycle_stage_id = stage.clone();
            Ok(())
        })
    }

    /// Removes the last entry of the stage history (a change recorded by mistake) and puts
    /// the community back at the stage that entry moved from.
    pub fn undo_last_stage_change(&mut self, community: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let last = c
                .cultivation
                .stage_history
                .pop()
                .ok_or_else(|| ModelError::NotFound("There is no recorded change to undo".into()))?;
            if let Some(from) = last.from_stage_id {
                c.lifecycle_stage_id = from;
            }
            Ok(())
        })
    }

    /// Ticks or unticks a cultivation task (of any stage).
    pub fn set_stage_task(&mut self, community: &Id, task: &Id, done: bool, now: Timestamp) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::StageTasks, task) {
            return Err(ModelError::NotFound("That task no longer exists".into()));
        }
        self.with_community(community, now, |c| {
            let list = &mut c.cultivation.tasks_done;
            let has = list.contains(task);
            if done && !has {
                list.push(task.clone());
            } else if !done && has {
                list.retain(|t| t != task);
            }
            Ok(())
        })
    }

    /// Records (or corrects) how the community ended or changed. Only while it is at the
    /// transformation stage (see [`transformation_stage`]).
    pub fn record_transformation(
        &mut self,
        community: &Id,
        mode: &Id,
        on: NaiveDate,
        note: &str,
        now: Timestamp,
    ) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        if !is_transformation_stage(&self.catalogues, &c.lifecycle_stage_id) {
            let stage = transformation_stage(&self.catalogues)
                .map(|s| self.catalogues.label(CatalogueKind::LifecycleStages, s))
                .unwrap_or_else(|| "transformation".into());
            return Err(ModelError::Refused(format!(
                "Confirm the {stage} stage first: how a community ended or changed is recorded at that stage."
            )));
        }
        let mut e = Vec::new();
        if !self.catalogues.contains(CatalogueKind::TransformationModes, mode) {
            e.push(FieldError::new("mode_id", "Choose how the community ended or changed"));
        }
        if let Some(m) = too_long(note, LONG_MAX) {
            e.push(FieldError::new("note", format!("Note {m}")));
        }
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        self.with_community(community, now, |c| {
            c.cultivation.transformation = Some(Transformation {
                mode_id: mode.clone(),
                on,
                note: note.trim().to_string(),
            });
            Ok(())
        })
    }

    /// Removes the transformation record.
    pub fn clear_transformation(&mut self, community: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            c.cultivation
                .transformation
                .take()
                .map(|_| ())
                .ok_or_else(|| ModelError::NotFound("No transformation is recorded".into()))
        })
    }

    /// Checks maturity scores (each dimension once, from the catalogue, 0 to
    /// [`MATURITY_MAX`], at least one) and returns them in catalogue order.
    fn maturity_scores(&self, scores: &[(Id, u8)]) -> ModelResult<Vec<DimensionScore>> {
        let cats = &self.catalogues;
        if let Some((d, _)) = scores
            .iter()
            .find(|(d, _)| !cats.contains(CatalogueKind::MaturityDimensions, d))
        {
            return Err(invalid("scores", format!("No maturity dimension with id '{d}'")));
        }
        if let Some((d, _)) = scores
            .iter()
            .enumerate()
            .find(|(i, (d, _))| scores[..*i].iter().any(|(x, _)| x == d))
            .map(|(_, s)| s)
        {
            return Err(invalid(
                "scores",
                format!("'{}' is scored twice", cats.label(CatalogueKind::MaturityDimensions, d)),
            ));
        }
        if scores.iter().any(|(_, s)| *s > MATURITY_MAX) {
            return Err(invalid("scores", format!("Scores go from 0 to {MATURITY_MAX}")));
        }
        if scores.is_empty() {
            return Err(invalid("scores", "Score at least one dimension"));
        }
        Ok(cats
            .get(CatalogueKind::MaturityDimensions)
            .iter()
            .filter_map(|dim| {
                scores.iter().find(|(d, _)| d == &dim.id).map(|(d, s)| DimensionScore {
                    dimension_id: d.clone(),
                    score: *s,
                })
            })
            .collect())
    }

    /// Records a dated maturity assessment: `(dimension, score 0–4)` for each dimension
    /// scored (the others are "not scored"). Assessments stay oldest first; one on the
    /// same date as another follows it.
    pub fn add_maturity_assessment(
        &mut self,
        community: &Id,
        id: Id,
        on: NaiveDate,
        scores: &[(Id, u8)],
        note: &str,
        now: Timestamp,
    ) -> ModelResult {
        let scores = self.maturity_scores(scores)?;
        check_note(note)?;
        fresh_id(self.id_in_use(&id) || self.cultivation_id_in_use(&id), &id)?;
        self.with_community(community, now, |c| {
            insert_by_date(
                &mut c.cultivation.maturity,
                MaturityAssessment {
                    id,
                    on,
                    scores,
                    note: note.trim().to_string(),
                },
            );
            Ok(())
        })
    }

    /// Changes an assessment's date, scores and note, moving it to its place by date.
    pub fn update_maturity_assessment(
        &mut self,
        community: &Id,
        id: &Id,
        on: NaiveDate,
        scores: &[(Id, u8)],
        note: &str,
        now: Timestamp,
    ) -> ModelResult {
        let scores = self.maturity_scores(scores)?;
        check_note(note)?;
        self.with_community(community, now, |c| {
            let list = &mut c.cultivation.maturity;
            let at = list
                .iter()
                .position(|a| &a.id == id)
                .ok_or_else(|| ModelError::NotFound("That assessment no longer exists".into()))?;
            let updated = MaturityAssessment {
                id: id.clone(),
                on,
                scores,
                note: note.trim().to_string(),
            };
            if list[at].on == on {
                list[at] = updated;
            } else {
                list.remove(at);
                insert_by_date(list, updated);
            }
            Ok(())
        })
    }

    pub fn delete_maturity_assessment(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.cultivation.maturity.len();
            c.cultivation.maturity.retain(|a| &a.id != id);
            if n == c.cultivation.maturity.len() {
                return Err(ModelError::NotFound("That assessment no longer exists".into()));
            }
            Ok(())
        })
    }
}

/// Inserts after every assessment dated on or before `a.on`.
fn insert_by_date(list: &mut Vec<MaturityAssessment>, a: MaturityAssessment) {
    let at = list.iter().position(|x| x.on > a.on).unwrap_or(list.len());
    list.insert(at, a);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(v: &[(&str, u8)]) -> Vec<StageAnswer> {
        v.iter()
            .map(|(q, a)| StageAnswer {
                question_id: Id::new(*q),
                agreement: *a,
            })
            .collect()
    }

    #[test]
    fn labels_cover_the_scales() {
        assert_eq!(agreement_label(0), "not at all");
        assert_eq!(agreement_label(AGREEMENT_MAX), "fully");
        assert_eq!(maturity_label(0), "absent");
        assert_eq!(maturity_label(MATURITY_MAX), "strong");
        assert_eq!(maturity_label(200), "strong");
    }

    #[test]
    fn the_statement_order_mixes_the_stages_and_is_stable() {
        let cats = Catalogues::default();
        let order: Vec<&str> = statement_order(&cats).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order.len(), cats.stage_questions.len());
        let catalogue: Vec<&str> = cats.stage_questions.iter().map(|e| e.id.as_str()).collect();
        assert_ne!(order, catalogue, "the catalogue order would give the stages away");
        let stage_of = |q: &str| {
            cats.entry(CatalogueKind::StageQuestions, &Id::new(q))
                .unwrap()
                .parent_id
                .clone()
        };
        let same_stage_neighbours = order.windows(2).filter(|w| stage_of(w[0]) == stage_of(w[1])).count();
        assert_eq!(same_stage_neighbours, 0, "{order:?}");
        assert_eq!(
            order,
            statement_order(&cats).iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn means_compare_exactly() {
        let s = |answered, total| StageScore {
            stage_id: Id::new("s"),
            statements: 3,
            answered,
            total,
        };
        // 2/3 against 4/6: equal, without rounding.
        assert_eq!(s(3, 2).cmp_mean(&s(6, 4)), Ordering::Equal);
        assert_eq!(s(1, 1).cmp_mean(&s(0, 0)), Ordering::Greater);
        assert_eq!(s(2, 5).mean(), Some(2.5));
        assert_eq!(s(0, 0).mean(), None);
    }

    #[test]
    fn a_suggestion_needs_some_agreement() {
        let cats = Catalogues::default();
        assert_eq!(suggest_stage(&cats, &[]), None);
        assert_eq!(
            suggest_stage(&cats, &answers(&[("q_potential_common_ground", 0)])),
            None
        );
        let s = suggest_stage(&cats, &answers(&[("q_maturing_gaps", 1)])).unwrap();
        assert_eq!(s.stage_id.as_str(), "maturing");
        assert_eq!((s.answered, s.statements), (1, 10));
    }

    #[test]
    fn change_texts_read_well() {
        assert_eq!(change_text(Some(2)), "+2");
        assert_eq!(change_text(Some(-1)), "\u{2212}1");
        assert_eq!(change_text(Some(0)), "no change");
        assert_eq!(change_text(None), "not comparable");
    }
}
