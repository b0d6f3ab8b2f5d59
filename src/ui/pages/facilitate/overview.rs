//! `/facilitate`: choose a community, the meetings to come, and the open follow-ups.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::meetings::{meeting_start, open_follow_ups, total_minutes};
use crate::model::rhythm::{date_label, duration_label};
use crate::state::{today, AppState};
use crate::ui::components::EmptyState;
use crate::ui::pages::community::FollowUpList;
use crate::ui::pages::use_title;

#[component]
pub fn FacilitatePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Facilitate".into());
    let rows = Memo::new(move |_| {
        let on = today();
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    let ms = &c.facilitation.meetings;
                    let next = ms
                        .iter()
                        .filter(|m| m.on >= on)
                        .min_by_key(|m| meeting_start(m))
                        .map(|m| date_label(m.on));
                    let recorded = ms.iter().filter(|m| crate::model::meetings::has_record(m)).count();
                    (
                        c.id.clone(),
                        c.name.clone(),
                        ms.len(),
                        recorded,
                        next,
                        open_follow_ups(c, on).len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let upcoming = Memo::new(move |_| {
        let on = today();
        state.ws.with(|w| {
            let mut v: Vec<_> = w
                .communities
                .iter()
                .flat_map(|c| {
                    c.facilitation
                        .meetings
                        .iter()
                        .filter(|m| m.on >= on)
                        .map(move |m| (c, m))
                })
                .map(|(c, m)| {
                    (
                        meeting_start(m),
                        c.id.clone(),
                        c.name.clone(),
                        m.id.clone(),
                        m.title.clone(),
                        format!(
                            "{}, {} · {}",
                            date_label(m.on),
                            m.start_time.format("%H:%M"),
                            duration_label(total_minutes(m).max(m.slot_minutes))
                        ),
                    )
                })
                .collect();
            v.sort_by_key(|x| x.0);
            v
        })
    });
    view! {
        <div class="page-header">
            <h1>"Facilitate"</h1>
            <p class="lede">"Design meetings in which members learn with and from each other, run them with a timer on a projector, and record what came out of them: who came, what was harvested, and who will try what by when."</p>
            <div class="page-actions">
                <A href=crate::ui::href("/facilitate/formats") attr:class="btn">"Format library"</A>
            </div>
        </div>
        {move || {
            let rows = rows.get();
            if rows.is_empty() {
                return view! {
                    <EmptyState message="No communities yet. Create a community first, then design its meetings here.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                    </EmptyState>
                }.into_any();
            }
            view! {
                <section class="section" aria-labelledby="fac-communities-h">
                    <h2 id="fac-communities-h">"Choose a community"</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Meetings per community">
                        <table class="data-table" data-testid="facilitate-communities">
                            <caption class="visually-hidden">"Meetings per community"</caption>
                            <thead><tr>
                                <th scope="col">"Community"</th><th scope="col" class="num">"Meetings"</th><th scope="col" class="num">"Recorded"</th>
                                <th scope="col">"Next meeting"</th><th scope="col" class="num">"Open follow-ups"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(id, name, n, rec, next, open)| view! {
                                    <tr>
                                        <th scope="row"><A href=crate::ui::href(&format!("/facilitate/{id}"))>{name}</A></th>
                                        <td class="num">{n}</td><td class="num">{rec}</td>
                                        <td>{next.unwrap_or_else(|| "—".into())}</td><td class="num">{open}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }.into_any()
        }}
        <section class="section" aria-labelledby="fac-upcoming-h">
            <h2 id="fac-upcoming-h">"Meetings to come"</h2>
            {move || {
                let list = upcoming.get();
                if list.is_empty() {
                    return view! { <p class="muted">"No meeting is planned from today on."</p> }.into_any();
                }
                view! {
                    <ul class="meeting-list" data-testid="upcoming-meetings">
                        {list.into_iter().map(|(_, cid, cname, mid, title, when)| view! {
                            <li class="meeting-list__item">
                                <A href=crate::ui::href(&format!("/facilitate/{cid}/meetings/{mid}"))>{title}</A>
                                <span class="muted">{format!(" — {cname}, {when}")}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="section" aria-labelledby="fac-followups-h">
            <h2 id="fac-followups-h">"Open follow-ups"</h2>
            <p class="muted">"Commitments made at meetings, across all communities, until they are marked done."</p>
            <FollowUpList community=None/>
        </section>
    }
}
