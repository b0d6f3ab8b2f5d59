//! Open follow-ups from meetings: "who will try what, by when". They show on the community
//! page (and in the Facilitate area) until they are marked done.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::meetings::open_follow_ups;
use crate::model::rhythm::date_label;
use crate::model::Id;
use crate::state::{now, today, AppState};

/// The follow-ups section of the community page.
#[component]
pub fn FollowUpsSection(id: Id) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="follow-ups-h" data-testid="community-follow-ups">
            <h2 id="follow-ups-h">"Follow-ups from meetings"</h2>
            <FollowUpList community=Some(id)/>
        </section>
    }
}

/// Open follow-ups of one community, or of all communities (`None`), each with a button
/// that marks it done today.
#[component]
pub fn FollowUpList(community: Option<Id>) -> impl IntoView {
    let state = AppState::expect();
    let all = community.is_none();
    let items = Memo::new(move |_| {
        let on = today();
        state.ws.with(|w| {
            w.communities
                .iter()
                .filter(|c| community.as_ref().is_none_or(|id| &c.id == id))
                .flat_map(|c| open_follow_ups(c, on).into_iter().map(move |f| (c.name.clone(), f)))
                .map(|(cname, f)| {
                    let who = f.follow_up.person_id.as_ref().map(|p| w.person_name(p));
                    (cname, who, f)
                })
                .collect::<Vec<_>>()
        })
    });
    let message = RwSignal::new(None::<String>);
    view! {
        {move || {
            let list = items.get();
            if list.is_empty() {
                return view! { <p class="muted" data-testid="no-follow-ups">"No open follow-ups. Commitments made at meetings appear here until they are done."</p> }.into_any();
            }
            view! {
                <ul class="follow-up-list" data-testid="follow-up-list">
                    {list.into_iter().map(|(cname, who, f)| {
                        let (c, m, fid) = (f.community_id.clone(), f.meeting_id.clone(), f.follow_up.id.clone());
                        let what = f.follow_up.what.clone();
                        let due = f.follow_up.due_on.map(|d| {
                            let class = if f.overdue { "tag tag--gap" } else { "tag" };
                            let text = if f.overdue { format!("Overdue: {}", date_label(d)) } else { format!("By {}", date_label(d)) };
                            view! { <span class=class>{text}</span> }
                        });
                        let done_label = format!("Mark done: {what}");
                        let link = format!("/facilitate/{c}/meetings/{m}/record");
                        let mark = move |_| {
                            let r = state.edit(|ws| ws.set_follow_up_done(&c, &m, &fid, Some(today()), now()));
                            message.set(Some(match r {
                                Ok(()) => "Marked done; it stays in the meeting's record and on the activity log.".into(),
                                Err(e) => e.to_string(),
                            }));
                        };
                        view! {
                            <li class="follow-up">
                                <div class="follow-up__text">
                                    <strong>{who.unwrap_or_else(|| "Someone".into())}</strong>
                                    ": " {what.clone()} " " {due}
                                    <p class="muted">
                                        "From "
                                        <A href=crate::ui::href(&link)>{f.meeting_title.clone()}</A>
                                        {format!(" ({})", date_label(f.meeting_on))}
                                        {all.then(|| format!(" · {cname}"))}
                                    </p>
                                </div>
                                <button class="btn btn--small" type="button" aria-label=done_label on:click=mark>"Done"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {move || message.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
    }
}
