//! The community's activity log: every meeting and follow-up done, latest first.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::meetings::{activity_log, LogKind};
use crate::model::rhythm::date_label;
use crate::model::Id;
use crate::state::{today, AppState};

#[component]
pub fn ActivityLog(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let cid = id.clone();
    let entries = Memo::new(move |_| {
        state.ws.with(|w| {
            w.community(&cid)
                .map(|c| activity_log(w, c, today()))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="section" aria-labelledby="log-h">
            <h2 id="log-h">"Activity log"</h2>
            {move || {
                let list = entries.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Nothing yet: meetings and follow-ups appear here as they happen."</p> }.into_any();
                }
                let id = id.clone();
                view! {
                    <ol class="timeline activity-log" data-testid="activity-log">
                        {list.into_iter().map(|e| {
                            let link = format!("/facilitate/{id}/meetings/{}{}", e.meeting_id, if e.kind == LogKind::FollowUpDone { "/record" } else { "" });
                            let class = if e.kind == LogKind::FollowUpDone { "activity-log__item activity-log__item--done" } else { "activity-log__item" };
                            view! {
                                <li class=class>
                                    <time datetime=e.on.to_string()>{date_label(e.on)}</time>
                                    " "
                                    <A href=crate::ui::href(&link)>{e.title}</A>
                                    <p class="muted">{e.detail}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
