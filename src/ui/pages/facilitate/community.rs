//! `/facilitate/:id`: a community's meetings, its open follow-ups, its activity log and the
//! balance of activity types and formats over a period.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::meetings::{meetings_latest_first, slot_fit, status, total_minutes, SlotFit};
use crate::model::rhythm::{date_label, duration_label};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::components::CommunityScope;
use crate::ui::pages::community::FollowUpList;

use super::balance::BalanceSection;
use super::log::ActivityLog;
use super::meeting_form::MeetingForm;

#[component]
pub fn FacilitateCommunityPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Facilitate"
            area_path="/facilitate"
            back_label="All communities"
            heading=|n| format!("Meetings of {n}")
            lede="Design, run and record the community's meetings. Every meeting and what came of it goes on the timeline below."
            body=|id| view! { <CommunityMeetings id/> }.into_any()
        />
    }
}

#[component]
fn CommunityMeetings(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let adding = RwSignal::new(false);
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            let on = today();
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        meetings_latest_first(c)
                            .into_iter()
                            .map(|m| {
                                let fit = match slot_fit(m) {
                                    SlotFit::Over(n) => Some(format!("{} over the slot", duration_label(n))),
                                    _ => None,
                                };
                                (
                                    m.id.clone(),
                                    m.title.clone(),
                                    format!("{}, {}", date_label(m.on), m.start_time.format("%H:%M")),
                                    status(m, on).label(),
                                    m.blocks.len(),
                                    duration_label(total_minutes(m)),
                                    fit,
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let cid = id.clone();
    let form_id = id.clone();
    view! {
        <section class="section" aria-labelledby="meetings-h">
            <h2 id="meetings-h">"Meetings"</h2>
            <div class="cluster no-print">
                <button class="btn btn--primary" type="button" data-testid="new-meeting"
                    aria-expanded=move || adding.get().to_string()
                    on:click=move |_| { adding.update(|a| *a = !*a); super::focus_later("mt-title"); }>
                    "Design a new meeting"
                </button>
                <A href=crate::ui::href("/facilitate/formats") attr:class="btn">"Format library"</A>
            </div>
            {move || adding.get().then(|| view! {
                <section class="card section" aria-labelledby="new-meeting-h">
                    <h3 id="new-meeting-h" class="card__title">"New meeting"</h3>
                    <MeetingForm community=form_id.clone() editing=None/>
                </section>
            })}
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="no-meetings">"No meetings yet. Design the first one: pick formats from the library, time the agenda and give everyone a leadership group."</p> }.into_any();
                }
                let cid = cid.clone();
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Meetings, latest first">
                        <table class="data-table" data-testid="meetings-table">
                            <caption class="visually-hidden">"Meetings, latest first"</caption>
                            <thead><tr>
                                <th scope="col">"Meeting"</th><th scope="col">"When"</th><th scope="col">"Status"</th>
                                <th scope="col" class="num">"Blocks"</th><th scope="col">"Agenda"</th><th scope="col" class="no-print">"Open"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(mid, title, when, st, blocks, total, over)| {
                                    let base = format!("/facilitate/{cid}/meetings/{mid}");
                                    view! {
                                        <tr>
                                            <th scope="row"><A href=crate::ui::href(&base)>{title}</A></th>
                                            <td>{when}</td>
                                            <td><span class="tag">{st}</span></td>
                                            <td class="num">{blocks}</td>
                                            <td>{total}{over.map(|o| view! { " " <span class="tag tag--gap">{o}</span> })}</td>
                                            <td class="no-print cluster">
                                                <A href=crate::ui::href(&format!("{base}/run"))>"Run"</A>
                                                <A href=crate::ui::href(&format!("{base}/record"))>"Record"</A>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="section" aria-labelledby="community-followups-h">
            <h2 id="community-followups-h">"Open follow-ups"</h2>
            <FollowUpList community=Some(id.clone())/>
        </section>
        <ActivityLog id=id.clone()/>
        <BalanceSection id/>
    }
}
