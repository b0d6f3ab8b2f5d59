use leptos::prelude::*;

use crate::model::merge::{MergePlan, RecordRef, Side, Stamp};
use crate::state::AppState;
use crate::storage::format::Document;

fn when(stamp: &Stamp) -> String {
    match stamp.at {
        Some(at) => {
            let device = if stamp.by.is_empty() {
                String::new()
            } else {
                format!(" on device {}", stamp.by.chars().take(8).collect::<String>())
            };
            format!("last changed {}{device}", at.format("%-d %b %Y, %H:%M UTC"))
        }
        None => "when it changed is not recorded (saved before Cultivate tracked changes)".into(),
    }
}

fn record_line(r: &RecordRef) -> String {
    let from = if r.source.is_empty() {
        String::new()
    } else {
        format!(" — from {}", r.source)
    };
    format!("{}: {}{from}", r.kind, r.label)
}

/// The list behind a `<details>`: added or updated records.
#[component]
fn RecordList(title: &'static str, records: Vec<RecordRef>, testid: &'static str) -> impl IntoView {
    let n = records.len();
    (n > 0).then(|| {
        view! {
            <details class="merge-list" data-testid=testid>
                <summary>{format!("{title} ({n})")}</summary>
                <ul>{records.iter().map(|r| view! { <li>{record_line(r)}</li> }).collect_view()}</ul>
            </details>
        }
    })
}

/// Reviews a merge before it is made: what the files add and update, and every record both
/// sides changed, side by side, with a choice per record or for all. Confirming backs up
/// the workspace first; the merge can be undone.
#[component]
pub fn MergeReview(
    files: Vec<(String, Document)>,
    plan: MergePlan,
    /// What is merged, in words: "the community X", "3 files".
    what: String,
    on_finish: Callback<Result<String, String>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let n = plan.conflicts.len();
    let choices = RwSignal::new(vec![Side::Mine; n]);
    let set_all = move |side: Side| choices.set(vec![side; n]);
    let summary = if plan.is_empty() {
        "Nothing to merge: your workspace already has everything in the file.".to_string()
    } else {
        format!(
            "{} record{} to add, {} to update from the file, {} changed on both sides{}.",
            plan.added.len(),
            if plan.added.len() == 1 { "" } else { "s" },
            plan.updated.len(),
            n,
            if plan.reordered > 0 {
                format!("; {} list{} take the file's order", plan.reordered, if plan.reordered == 1 { "" } else { "s" })
            } else {
                String::new()
            }
        )
    };
    let plan_for_confirm = plan.clone();
    let confirm = move |_| {
        let result = state.confirm_merge(&files, &plan_for_confirm, &choices.get_untracked());
        on_finish.run(result);
    };
    let conflicts = plan
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = format!("conflict-{i}");
            let mine_id = format!("conflict-{i}-mine");
            let theirs_id = format!("conflict-{i}-theirs");
            let pick = move |side: Side| {
                choices.update(|v| {
                    if let Some(x) = v.get_mut(i) {
                        *x = side;
                    }
                })
            };
            let is = move |side: Side| choices.with(|v| v.get(i) == Some(&side));
            let source = (!c.record.source.is_empty()).then(|| format!(" (from {})", c.record.source));
            view! {
                <fieldset class="conflict" data-testid="merge-conflict">
                    <legend>{format!("{}: {}", c.record.kind, c.record.label)}{source}</legend>
                    <table class="table conflict__table">
                        <thead>
                            <tr><th scope="col">"Field"</th><th scope="col">"Yours"</th><th scope="col">"Theirs (the file)"</th></tr>
                        </thead>
                        <tbody>
                            {c.fields.iter().map(|f| view! {
                                <tr>
                                    <th scope="row">{f.field.clone()}</th>
                                    <td class="conflict__value">{f.mine.clone()}</td>
                                    <td class="conflict__value">{f.theirs.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="muted">{format!("Yours: {}. Theirs: {}.", when(&c.mine_stamp), when(&c.theirs_stamp))}</p>
                    <div class="conflict__choice">
                        <span class="check">
                            <input id=mine_id.clone() type="radio" name=name.clone() prop:checked=move || is(Side::Mine) on:change=move |_| pick(Side::Mine)/>
                            <label for=mine_id>"Keep mine"</label>
                        </span>
                        <span class="check">
                            <input id=theirs_id.clone() type="radio" name=name prop:checked=move || is(Side::Theirs) on:change=move |_| pick(Side::Theirs)/>
                            <label for=theirs_id>"Take theirs"</label>
                        </span>
                    </div>
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <section class="card merge-review" data-testid="merge-review" aria-labelledby="merge-title">
            <h3 class="card__title" id="merge-title">{format!("Merge {what}")}</h3>
            <p data-testid="merge-summary">{summary}</p>
            <RecordList title="Added" records=plan.added.clone() testid="merge-added"/>
            <RecordList title="Updated from the file" records=plan.updated.clone() testid="merge-updated"/>
            {(n > 0).then(|| view! {
                <h4>{format!("Changed on both sides ({n})")}</h4>
                <p>"Both you and the file changed these records since they last matched. Choose which version to keep, record by record; their lists (members, meetings, stories…) are merged either way."</p>
                <div class="form-actions">
                    <button type="button" class="btn" data-testid="merge-all-mine" on:click=move |_| set_all(Side::Mine)>"Keep mine for all"</button>
                    <button type="button" class="btn" data-testid="merge-all-theirs" on:click=move |_| set_all(Side::Theirs)>"Take theirs for all"</button>
                </div>
                {conflicts}
            })}
            <p class="muted">"Nothing is deleted by a merge. A backup of your workspace is made first, and you can undo the merge."</p>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" data-testid="merge-confirm" disabled=plan.is_empty() on:click=confirm>"Merge"</button>
                <button type="button" class="btn" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </section>
    }
}
