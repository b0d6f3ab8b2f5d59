//! The organisational readiness check and the success-and-risk health check
//! (`cop-model.md` §3.2–§3.5).
//!
//! Both score entries of a catalogue from 0 (absent) to [`SCORE_MAX`] (strong): a readiness
//! check scores the `readiness_areas` of the organisation, a health check scores a
//! community's `success_factors` and flags the `risk_factors` present. Checks are dated and
//! kept oldest first, so that a second check shows what changed: [`compare`] works for
//! both kinds. [`weakest`] lists a readiness check's weakest areas with the suggested
//! actions of the `readiness_actions` catalogue; [`health_warnings`] lists what a health
//! check should make a sponsor look at.

use chrono::{Duration, NaiveDate};

use super::catalogue::{CatalogueEntry, CatalogueKind, Catalogues};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX, SHORT_MAX};
use super::organisation::{score_percent, AreaScore, HealthCheck, ReadinessCheck, SCORE_MAX};
use super::workspace::{fresh_id, Community, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace};

/// The words of the scale, from 0 to [`SCORE_MAX`].
pub const SCORE_WORDS: [&str; 5] = ["absent", "weak", "partly", "mostly", "strong"];

/// A score in words: 0 "absent" … 4 "strong".
pub fn score_word(score: u8) -> &'static str {
    SCORE_WORDS[usize::from(score.min(SCORE_MAX))]
}

/// A success factor scored this low (or lower) is a warning: "weak" or "absent".
pub const WEAK: u8 = 1;
/// A fall of this many points or more between two health checks is a warning.
pub const SLIP: u8 = 2;

// ----- comparing two checks -----

/// One area (or factor) in two checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaChange {
    pub area_id: Id,
    /// The score in the earlier check; `None` when it was not scored.
    pub before: Option<u8>,
    /// The score in the later check; `None` when it was not scored.
    pub after: Option<u8>,
}

/// Which way an area moved between two checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up(u8),
    Down(u8),
    Same,
    /// Scored in the later check only.
    NewlyScored,
    /// Scored in the earlier check only.
    NoLongerScored,
}

impl AreaChange {
    /// After minus before, when both are scored.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }

    pub fn direction(&self) -> Direction {
        match (self.before, self.after) {
            (Some(b), Some(a)) if a > b => Direction::Up(a - b),
            (Some(b), Some(a)) if a < b => Direction::Down(b - a),
            (Some(_), Some(_)) => Direction::Same,
            (None, _) => Direction::NewlyScored,
            (Some(_), None) => Direction::NoLongerScored,
        }
    }

    /// The change in words: "up 2", "down 1", "no change", "newly scored", "no longer scored".
    pub fn describe(&self) -> String {
        match self.direction() {
            Direction::Up(n) => format!("up {n}"),
            Direction::Down(n) => format!("down {n}"),
            Direction::Same => "no change".into(),
            Direction::NewlyScored => "newly scored".into(),
            Direction::NoLongerScored => "no longer scored".into(),
        }
    }
}

/// Every area scored in `before` or `after`, in the order of `areas` (the catalogue),
/// with both scores. Scores of areas the catalogue no longer has follow, in the order the
/// checks list them. Works for readiness checks and health checks alike.
pub fn compare(areas: &[CatalogueEntry], before: &[AreaScore], after: &[AreaScore]) -> Vec<AreaChange> {
    let score = |list: &[AreaScore], id: &Id| list.iter().find(|s| &s.area_id == id).map(|s| s.score);
    let mut ids: Vec<&Id> = areas.iter().map(|e| &e.id).collect();
    for s in before.iter().chain(after) {
        if !ids.contains(&&s.area_id) {
            ids.push(&s.area_id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let (b, a) = (score(before, id), score(after, id));
            (b.is_some() || a.is_some()).then(|| AreaChange {
                area_id: id.clone(),
                before: b,
                after: a,
            })
        })
        .collect()
}

/// The change of the overall score (percent points) between two lists of scores.
pub fn score_change(before: &[AreaScore], after: &[AreaScore]) -> Option<i16> {
    Some(i16::from(score_percent(after)?) - i16::from(score_percent(before)?))
}

// ----- readiness -----

/// A weak area of a readiness check, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakArea<'a> {
    pub area: &'a CatalogueEntry,
    pub score: u8,
    /// The area's suggested actions (`readiness_actions` under it), in catalogue order.
    pub actions: Vec<&'a CatalogueEntry>,
}

/// Scored this low or lower, an area needs action even past the `n` of [`weakest`].
pub const PARTLY: u8 = 2;

/// The weakest areas of a check, lowest first (ties in catalogue order), with their
/// suggested actions; at most `n` of them, with one exception.
///
/// Areas scored the same are kept together, so that the list never picks one of two
/// equally weak areas at random: when a group of equal scores does not fit in the `n`,
/// it is listed whole if it is scored "partly" or lower (all of them need action), and
/// left out if it is scored "mostly" (none of them stands out). Areas scored "strong"
/// need no action and are never listed; areas not scored are not known to be weak.
pub fn weakest<'a>(cats: &'a Catalogues, check: &ReadinessCheck, n: usize) -> Vec<WeakArea<'a>> {
    let mut scored: Vec<(&CatalogueEntry, u8)> = cats
        .get(CatalogueKind::ReadinessAreas)
        .iter()
        .filter_map(|area| {
            check
                .scores
                .iter()
                .find(|s| s.area_id == area.id)
                .map(|s| (area, s.score))
        })
        .filter(|(_, s)| *s < SCORE_MAX)
        .collect();
    // A stable sort keeps catalogue order among equal scores.
    scored.sort_by_key(|(_, s)| *s);
    let mut out: Vec<(&CatalogueEntry, u8)> = Vec::new();
    for group in scored.chunk_by(|a, b| a.1 == b.1) {
        if out.len() >= n {
            break;
        }
        if out.len() + group.len() <= n || group[0].1 <= PARTLY {
            out.extend_from_slice(group);
        } else {
            break;
        }
    }
    out.into_iter()
        .map(|(area, score)| WeakArea {
            area,
            score,
            actions: cats.children(CatalogueKind::ReadinessActions, &area.id).collect(),
        })
        .collect()
}

/// The readiness check form.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadinessDraft {
    pub on: NaiveDate,
    pub organisation_id: Option<Id>,
    pub by: String,
    pub scores: Vec<AreaScore>,
    pub note: String,
}

impl ReadinessDraft {
    pub fn of(c: &ReadinessCheck) -> Self {
        ReadinessDraft {
            on: c.on,
            organisation_id: c.organisation_id.clone(),
            by: c.by.clone(),
            scores: c.scores.clone(),
            note: c.note.clone(),
        }
    }

    /// The inline messages, by field: `on`, `organisation_id`, `by`, `scores`, `note`.
    pub fn problems(&self, ws: &Workspace, now: Timestamp) -> FieldErrors {
        let mut e = Vec::new();
        check_date(&mut e, self.on, now);
        if self
            .organisation_id
            .as_ref()
            .is_some_and(|o| ws.organisation(o).is_none())
        {
            e.push(FieldError::new(
                "organisation_id",
                "Choose an organisation from the list",
            ));
        }
        if let Some(m) = too_long(&self.by, SHORT_MAX) {
            e.push(FieldError::new("by", format!("“By” {m}")));
        }
        check_scores(&mut e, &ws.catalogues, CatalogueKind::ReadinessAreas, &self.scores);
        check_note(&mut e, &self.note);
        e
    }

    fn build(&self, id: Id) -> ReadinessCheck {
        ReadinessCheck {
            id,
            on: self.on,
            organisation_id: self.organisation_id.clone(),
            by: self.by.trim().to_string(),
            scores: self.scores.clone(),
            note: tidy(&self.note),
        }
    }
}

// ----- health -----

/// The health check form.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthDraft {
    pub on: NaiveDate,
    pub scores: Vec<AreaScore>,
    /// Risk factors flagged as present.
    pub risks: Vec<Id>,
    pub note: String,
}

impl HealthDraft {
    pub fn of(c: &HealthCheck) -> Self {
        HealthDraft {
            on: c.on,
            scores: c.scores.clone(),
            risks: c.risks.clone(),
            note: c.note.clone(),
        }
    }

    /// The inline messages, by field: `on`, `scores`, `risks`, `note`.
    pub fn problems(&self, cats: &Catalogues, now: Timestamp) -> FieldErrors {
        let mut e = Vec::new();
        check_date(&mut e, self.on, now);
        check_scores(&mut e, cats, CatalogueKind::SuccessFactors, &self.scores);
        if let Some(r) = self
            .risks
            .iter()
            .find(|r| !cats.contains(CatalogueKind::RiskFactors, r))
        {
            e.push(FieldError::new(
                "risks",
                format!("There is no risk factor '{r}' any more"),
            ));
        }
        check_note(&mut e, &self.note);
        e
    }

    fn build(&self, cats: &Catalogues, id: Id) -> HealthCheck {
        // Risks in catalogue order, each once.
        let risks = cats
            .get(CatalogueKind::RiskFactors)
            .iter()
            .filter(|r| self.risks.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        HealthCheck {
            id,
            on: self.on,
            scores: self.scores.clone(),
            risks,
            note: tidy(&self.note),
        }
    }
}

/// What changed between two health checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthComparison {
    /// The success factors, as [`compare`] gives them.
    pub factors: Vec<AreaChange>,
    /// Risks flagged in the later check and not in the earlier, in catalogue order.
    pub risks_added: Vec<Id>,
    /// Risks flagged in the earlier check and not in the later.
    pub risks_cleared: Vec<Id>,
    /// Risks flagged in both.
    pub risks_kept: Vec<Id>,
    /// The overall scores, 0–100.
    pub score_before: Option<u8>,
    pub score_after: Option<u8>,
}

/// Compares two health checks, `before` the earlier.
pub fn compare_health(cats: &Catalogues, before: &HealthCheck, after: &HealthCheck) -> HealthComparison {
    let risk_order = |pick: &dyn Fn(&Id) -> bool| -> Vec<Id> {
        let mut ids: Vec<Id> = cats
            .get(CatalogueKind::RiskFactors)
            .iter()
            .map(|r| r.id.clone())
            .filter(|r| pick(r))
            .collect();
        // Risks the catalogue no longer has follow in the checks' order.
        for r in before.risks.iter().chain(&after.risks) {
            if !ids.contains(r) && pick(r) {
                ids.push(r.clone());
            }
        }
        ids
    };
    HealthComparison {
        factors: compare(cats.get(CatalogueKind::SuccessFactors), &before.scores, &after.scores),
        risks_added: risk_order(&|r| after.risks.contains(r) && !before.risks.contains(r)),
        risks_cleared: risk_order(&|r| before.risks.contains(r) && !after.risks.contains(r)),
        risks_kept: risk_order(&|r| before.risks.contains(r) && after.risks.contains(r)),
        score_before: before.score(),
        score_after: after.score(),
    }
}

/// Something in a community's latest health check that needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthWarning {
    /// A risk factor flagged as present.
    Risk(Id),
    /// A success factor fell by [`SLIP`] points or more since the check before.
    Slipped {
        factor: Id,
        from: u8,
        to: u8,
        since: NaiveDate,
    },
    /// A success factor scored [`WEAK`] or lower (and not already reported as slipped).
    Weak { factor: Id, score: u8 },
}

impl HealthWarning {
    /// The warning in words, with catalogue labels.
    pub fn describe(&self, cats: &Catalogues) -> String {
        match self {
            HealthWarning::Risk(r) => format!("Risk present: {}", cats.label(CatalogueKind::RiskFactors, r)),
            HealthWarning::Slipped {
                factor,
                from,
                to,
                since,
            } => format!(
                "{} fell from {} to {} since {since}",
                cats.label(CatalogueKind::SuccessFactors, factor),
                score_word(*from),
                score_word(*to)
            ),
            HealthWarning::Weak { factor, score } => format!(
                "{} is {}",
                cats.label(CatalogueKind::SuccessFactors, factor),
                score_word(*score)
            ),
        }
    }
}

/// The warnings of a community's latest health check (`checks` oldest first): the risks
/// flagged, then the success factors that slipped since the check before, then the ones
/// scored weak or absent; factors in catalogue order. No checks, no warnings.
pub fn health_warnings(cats: &Catalogues, checks: &[HealthCheck]) -> Vec<HealthWarning> {
    let Some(latest) = checks.last() else {
        return Vec::new();
    };
    let previous = checks.len().checked_sub(2).map(|i| &checks[i]);
    let mut out: Vec<HealthWarning> = latest.risks.iter().cloned().map(HealthWarning::Risk).collect();
    let mut slipped = Vec::new();
    if let Some(prev) = previous {
        for ch in compare(cats.get(CatalogueKind::SuccessFactors), &prev.scores, &latest.scores) {
            if let (Some(from), Some(to)) = (ch.before, ch.after) {
                if from >= to + SLIP {
                    slipped.push(ch.area_id.clone());
                    out.push(HealthWarning::Slipped {
                        factor: ch.area_id,
                        from,
                        to,
                        since: prev.on,
                    });
                }
            }
        }
    }
    for f in cats.get(CatalogueKind::SuccessFactors) {
        if let Some(s) = latest.scores.iter().find(|s| s.area_id == f.id) {
            if s.score <= WEAK && !slipped.contains(&f.id) {
                out.push(HealthWarning::Weak {
                    factor: f.id.clone(),
                    score: s.score,
                });
            }
        }
    }
    out
}

// ----- shared checks -----

/// How far ahead of the clock a date may be: a user east of UTC is a day ahead of it.
const DATE_SLACK_DAYS: i64 = 1;

fn check_date(e: &mut FieldErrors, on: NaiveDate, now: Timestamp) {
    if on > now.date_naive() + Duration::days(DATE_SLACK_DAYS) {
        e.push(FieldError::new(
            "on",
            "The date is in the future; record a check once it is done",
        ));
    }
}

fn check_note(e: &mut FieldErrors, note: &str) {
    if let Some(m) = too_long(note, LONG_MAX) {
        e.push(FieldError::new("note", format!("Note {m}")));
    }
}

/// Scores of `kind`'s entries: at least one, each known, once, 0 to [`SCORE_MAX`].
fn check_scores(e: &mut FieldErrors, cats: &Catalogues, kind: CatalogueKind, scores: &[AreaScore]) {
    let msg = if scores.is_empty() {
        Some(format!("Score at least one {}", kind.noun()))
    } else if let Some(s) = scores.iter().find(|s| !cats.contains(kind, &s.area_id)) {
        Some(format!("There is no {} '{}' any more", kind.noun(), s.area_id))
    } else if let Some(s) = scores.iter().find(|s| s.score > SCORE_MAX) {
        Some(format!(
            "{} must be scored 0 to {SCORE_MAX}",
            cats.label(kind, &s.area_id)
        ))
    } else {
        scores
            .iter()
            .enumerate()
            .find(|(i, s)| scores[..*i].iter().any(|x| x.area_id == s.area_id))
            .map(|(_, s)| format!("{} is scored twice", cats.label(kind, &s.area_id)))
    };
    if let Some(m) = msg {
        e.push(FieldError::new("scores", m));
    }
}

/// Free text as stored: surrounding blank space removed, the user's line breaks kept.
fn tidy(text: &str) -> String {
    text.trim().lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// Inserts `item` after every element dated on or before `on`.
fn insert_by_date<T>(list: &mut Vec<T>, item: T, on: NaiveDate, date: impl Fn(&T) -> NaiveDate) {
    let at = list.iter().position(|x| date(x) > on).unwrap_or(list.len());
    list.insert(at, item);
}

/// Puts an edited record back: in place when its date is unchanged, else moved to keep the
/// list in date order.
fn replace_by_date<T>(list: &mut Vec<T>, index: usize, item: T, date: impl Fn(&T) -> NaiveDate) {
    let on = date(&item);
    if date(&list[index]) == on {
        list[index] = item;
    } else {
        list.remove(index);
        insert_by_date(list, item, on, date);
    }
}

/// Whether any record anywhere in the workspace uses `id`: validation wants ids unique
/// across the whole workspace, and [`Workspace::id_in_use`] does not yet look inside the
/// cultivation, stewardship and programme records.
pub(crate) fn id_taken(ws: &Workspace, id: &Id) -> bool {
    let in_community = |c: &Community| {
        let k = &c.cultivation;
        let st = &c.stewardship;
        k.forming.strategic_links.iter().any(|l| &l.id == id)
            || k.forming.agenda.iter().any(|t| &t.id == id)
            || k.maturity.iter().any(|m| &m.id == id)
            || k.activities.iter().any(|a| &a.id == id)
            || st.health_checks.iter().any(|h| &h.id == id)
            || st.indicator_values.iter().any(|v| &v.id == id)
    };
    let pr = &ws.programme;
    ws.id_in_use(id)
        || ws.communities.iter().any(in_community)
        || pr.readiness_checks.iter().any(|r| &r.id == id)
        || pr.peer_groups.iter().any(|g| &g.id == id)
}

fn invalid_unless_empty(e: FieldErrors) -> ModelResult {
    if e.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(e))
    }
}

impl Workspace {
    pub fn readiness_check(&self, id: &Id) -> Option<&ReadinessCheck> {
        self.programme.readiness_checks.iter().find(|r| &r.id == id)
    }

    /// Records a readiness check, keeping the checks in date order.
    pub fn add_readiness_check(&mut self, id: Id, draft: &ReadinessDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self, now))?;
        fresh_id(id_taken(self, &id), &id)?;
        let check = draft.build(id);
        insert_by_date(&mut self.programme.readiness_checks, check, draft.on, |r| r.on);
        self.touch_at(now);
        Ok(())
    }

    pub fn update_readiness_check(&mut self, id: &Id, draft: &ReadinessDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self, now))?;
        let list = &mut self.programme.readiness_checks;
        let at = list
            .iter()
            .position(|r| &r.id == id)
            .ok_or_else(|| ModelError::NotFound("That readiness check no longer exists".into()))?;
        replace_by_date(list, at, draft.build(id.clone()), |r| r.on);
        self.touch_at(now);
        Ok(())
    }

    pub fn delete_readiness_check(&mut self, id: &Id, now: Timestamp) -> ModelResult {
        let list = &mut self.programme.readiness_checks;
        let n = list.len();
        list.retain(|r| &r.id != id);
        if list.len() == n {
            return Err(ModelError::NotFound("That readiness check no longer exists".into()));
        }
        self.touch_at(now);
        Ok(())
    }

    /// Records a health check of a community, keeping its checks in date order.
    pub fn add_health_check(&mut self, community: &Id, id: Id, draft: &HealthDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(&self.catalogues, now))?;
        fresh_id(id_taken(self, &id), &id)?;
        let check = draft.build(&self.catalogues, id);
        self.with_community(community, now, |c| {
            insert_by_date(&mut c.stewardship.health_checks, check, draft.on, |h| h.on);
            Ok(())
        })
    }

    pub fn update_health_check(&mut self, community: &Id, id: &Id, draft: &HealthDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(&self.catalogues, now))?;
        let check = draft.build(&self.catalogues, id.clone());
        self.with_community(community, now, |c| {
            let list = &mut c.stewardship.health_checks;
            let at = list
                .iter()
                .position(|h| &h.id == id)
                .ok_or_else(|| ModelError::NotFound("That health check no longer exists".into()))?;
            replace_by_date(list, at, check, |h| h.on);
            Ok(())
        })
    }

    pub fn delete_health_check(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let list = &mut c.stewardship.health_checks;
            let n = list.len();
            list.retain(|h| &h.id != id);
            if list.len() == n {
                return Err(ModelError::NotFound("That health check no longer exists".into()));
            }
            Ok(())
        })
    }

    fn touch_at(&mut self, now: Timestamp) {
        if now > self.updated_at {
            self.updated_at = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(area: &str, score: u8) -> AreaScore {
        AreaScore {
            area_id: Id::new(area),
            score,
        }
    }

    #[test]
    fn words_cover_the_scale() {
        assert_eq!(SCORE_WORDS.len(), usize::from(SCORE_MAX) + 1);
        assert_eq!(score_word(0), "absent");
        assert_eq!(score_word(4), "strong");
        assert_eq!(score_word(9), "strong");
    }

    #[test]
    fn directions_read_in_words() {
        let ch = |b, a| AreaChange {
            area_id: Id::new("x"),
            before: b,
            after: a,
        };
        assert_eq!(ch(Some(1), Some(3)).describe(), "up 2");
        assert_eq!(ch(Some(3), Some(2)).describe(), "down 1");
        assert_eq!(ch(Some(2), Some(2)).describe(), "no change");
        assert_eq!(ch(None, Some(2)).describe(), "newly scored");
        assert_eq!(ch(Some(2), None).describe(), "no longer scored");
        assert_eq!(ch(Some(3), Some(1)).delta(), Some(-2));
        assert_eq!(ch(None, Some(1)).delta(), None);
    }

    #[test]
    fn score_change_is_in_percent_points() {
        assert_eq!(score_change(&[s("a", 2)], &[s("a", 3)]), Some(25));
        assert_eq!(score_change(&[], &[s("a", 3)]), None);
    }

    #[test]
    fn records_keep_date_order() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
        let mut v = vec![(d(1), 'a'), (d(5), 'b')];
        insert_by_date(&mut v, (d(3), 'c'), d(3), |x| x.0);
        insert_by_date(&mut v, (d(5), 'd'), d(5), |x| x.0);
        assert_eq!(v.iter().map(|x| x.1).collect::<String>(), "acbd");
        replace_by_date(&mut v, 0, (d(9), 'a'), |x| x.0);
        assert_eq!(v.iter().map(|x| x.1).collect::<String>(), "cbda");
        replace_by_date(&mut v, 0, (d(3), 'C'), |x| x.0);
        assert_eq!(v.iter().map(|x| x.1).collect::<String>(), "Cbda");
    }
}
