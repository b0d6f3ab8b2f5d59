use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::onboarding::{newcomer_reasons, progress};
use crate::model::rhythm::date_label;
use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};
use crate::ui::components::ask;

use super::{cell_id, focus_later};

/// The checklist: a row per member, a column per step, each cell a checkbox.
#[component]
pub fn OnboardingGrid(
    community: Id,
    /// (membership, person), in display order.
    rows: Memo<Vec<(Id, Id)>>,
    touched: RwSignal<Vec<Id>>,
    editing: RwSignal<Option<(Id, Id)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let steps = Memo::new(move |_| {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::OnboardingSteps)
                .iter()
                .map(|s| (s.id.clone(), s.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let done_counts = {
        let community = community.clone();
        Memo::new(move |_| {
            let shown = rows.get();
            state.ws.with(|w| {
                let Some(c) = w.community(&community) else {
                    return Vec::new();
                };
                steps
                    .get()
                    .iter()
                    .map(|(s, _)| {
                        shown
                            .iter()
                            .filter(|(_, p)| {
                                c.cultivation
                                    .onboarding
                                    .iter()
                                    .any(|t| &t.person_id == p && &t.step_id == s)
                            })
                            .count()
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Onboarding checklist">
            <table class="data-table onboarding-grid" data-testid="onboarding-grid">
                <caption class="visually-hidden">"Onboarding steps per member; tick a step when it is done"</caption>
                <thead><tr>
                    <th scope="col">"Member"</th>
                    {move || steps.get().into_iter().map(|(_, l)| view! { <th scope="col">{l}</th> }).collect_view()}
                    <th scope="col">"Progress"</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.0.clone() let:r>
                        <MemberRow community=community.clone() membership=r.0 person=r.1 steps touched editing/>
                    </For>
                </tbody>
                <tfoot><tr>
                    <th scope="row">"Done by"</th>
                    {move || {
                        let n = rows.with(Vec::len);
                        done_counts.get().into_iter().map(|k| view! { <td>{format!("{k} of {n}")}</td> }).collect_view()
                    }}
                    <td></td>
                </tr></tfoot>
            </table>
        </div>
    }
}

#[component]
fn MemberRow(
    community: Id,
    membership: Id,
    person: Id,
    steps: Memo<Vec<(Id, String)>>,
    touched: RwSignal<Vec<Id>>,
    editing: RwSignal<Option<(Id, Id)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let info = {
        let (community, membership) = (community.clone(), membership.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&community)?;
                let m = c.memberships.iter().find(|m| m.id == membership)?;
                let reasons: Vec<&str> = newcomer_reasons(&w.catalogues, c, m, today())
                    .into_iter()
                    .map(|r| r.label())
                    .collect();
                let (done, total) = progress(&w.catalogues, c, &m.person_id);
                Some((
                    w.person_name(&m.person_id),
                    w.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id),
                    m.joined_on,
                    reasons.join(", "),
                    done,
                    total,
                ))
            })
        })
    };
    let name = state.ws.with_untracked(|w| w.person_name(&person));
    let href = crate::ui::href(&format!("/people/{person}"));
    let shown_name = name.clone();
    view! {
        <tr>
            <th scope="row" class="onboarding-member">
                <A href=href>{shown_name}</A>
                {move || info.get().map(|(_, level, joined, reasons, _, _)| view! {
                    <span class="onboarding-member__meta">
                        <span class="tag tag--level">{level}</span>
                        " "<span class="muted">{format!("Joined {}", date_label(joined))}</span>
                        {(!reasons.is_empty()).then(|| view! { <span class="muted">{format!(" · {reasons}")}</span> })}
                    </span>
                })}
            </th>
            {move || steps.get().into_iter().map(|(step, label)| view! {
                <TickCell community=community.clone() person=person.clone() step label=format!("{name}: {label}") touched editing/>
            }).collect_view()}
            <td class="onboarding-progress">
                {move || info.get().map(|(_, _, _, _, done, total)| {
                    let pct = (done * 100).checked_div(total).unwrap_or(0);
                    view! {
                        <span data-testid="onboarding-progress">{format!("{done} of {total}")}</span>
                        <span class="onboarding-bar" aria-hidden="true"><span class="onboarding-bar__fill" style:width=format!("{pct}%")></span></span>
                    }
                })}
            </td>
        </tr>
    }
}

#[component]
fn TickCell(
    community: Id,
    person: Id,
    step: Id,
    /// "Joy Mensah: Mentor matched".
    label: String,
    touched: RwSignal<Vec<Id>>,
    editing: RwSignal<Option<(Id, Id)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let tick = {
        let (community, person, step) = (community.clone(), person.clone(), step.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&community)?
                    .cultivation
                    .onboarding
                    .iter()
                    .find(|t| t.person_id == person && t.step_id == step)
                    .map(|t| (t.on, t.note.clone()))
            })
        })
    };
    let ticked = Memo::new(move |_| tick.with(Option::is_some));
    let id = cell_id(&person, &step);
    let change = {
        let (community, person, step, label) = (community.clone(), person.clone(), step.clone(), label.clone());
        move |ev: leptos::ev::Event| {
            let input = event_target::<web_sys::HtmlInputElement>(&ev);
            touched.update(|t| {
                if !t.contains(&person) {
                    t.push(person.clone());
                }
            });
            if input.checked() {
                if let Err(e) = state.edit(|ws| ws.tick_onboarding_step(&community, &person, &step, today(), "", now()))
                {
                    input.set_checked(false);
                    state.notice.set(Some(e.to_string()));
                }
                return;
            }
            let (on, note) = tick.get_untracked().unwrap_or((today(), String::new()));
            let (c, p, s) = (community.clone(), person.clone(), step.clone());
            let untick = move || {
                if let Err(e) = state.edit(|ws| ws.untick_onboarding_step(&c, &p, &s, now())) {
                    state.notice.set(Some(e.to_string()));
                }
            };
            if note.is_empty() {
                untick();
            } else {
                // Keep the box ticked until the user confirms losing the note.
                input.set_checked(true);
                ask(
                    format!("Untick “{label}”?"),
                    vec![format!("The date ({on}) and the note “{note}” will be removed.")],
                    "Untick",
                    untick,
                );
            }
        }
    };
    let open = {
        let (person, step) = (person.clone(), step.clone());
        move |_| {
            editing.set(Some((person.clone(), step.clone())));
            focus_later("tick-editor-h".into());
        }
    };
    let edit_label = format!("Edit date and note: {label}");
    view! {
        <td class="onboarding-cell"><div class="onboarding-cell__inner">
            <input id=id type="checkbox" aria-label=label prop:checked=move || ticked.get() on:change=change/>
            {move || tick.get().map(|(on, note)| view! {
                <span class="onboarding-cell__done">
                    <time datetime=on.to_string()>{on.to_string()}</time>
                    {(!note.is_empty()).then(|| view! { <span class="onboarding-note">{note}</span> })}
                </span>
            })}
            {move || ticked.get().then(|| view! {
                <button class="btn btn--small btn--ghost onboarding-cell__edit no-print" type="button" aria-label=edit_label.clone() on:click=open.clone()>"Edit…"</button>
            })}
        </div></td>
    }
}
