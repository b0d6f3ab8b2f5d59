//! `/facilitate/:id/meetings/:meeting`: the meeting designer — details, the timed agenda,
//! leadership groups, the checklist, print and exports.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::model::meetings::{agenda_ics, agenda_markdown, clock_label, slot_end};
use crate::model::rhythm::date_label;
use crate::model::Id;
use crate::state::{now, slug, AppState, SharePiece};
use crate::ui::components::ask;

use super::agenda::AgendaEditor;
use super::checklist::ChecklistSection;
use super::meeting_form::MeetingForm;
use super::roles::RolesSection;
use super::{MeetingScope, MeetingTab, StatusLine};

#[component]
pub fn MeetingPage() -> impl IntoView {
    view! { <MeetingScope tab=MeetingTab::Design body=|c, m| view! { <Designer c m/> }.into_any()/> }
}

#[component]
fn Designer(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let summary = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let mt = w.community(&c)?.facilitation.meetings.iter().find(|x| x.id == m)?;
                Some((
                    format!(
                        "{}, {}–{}",
                        date_label(mt.on),
                        mt.start_time.format("%H:%M"),
                        clock_label(mt, slot_end(mt))
                    ),
                    mt.location.clone(),
                    mt.purpose.clone(),
                ))
            })
        })
    };
    view! {
        <div class="designer">
            {move || summary.get().map(|(when, place, purpose)| view! {
                <p class="meeting-summary" data-testid="meeting-summary">
                    <strong>{when}</strong>
                    {(!place.trim().is_empty()).then(|| format!(" · {place}"))}
                </p>
                {(!purpose.trim().is_empty()).then(|| view! { <p class="meeting-purpose print-only">{purpose}</p> })}
            })}
            <ExportBar c=c.clone() m=m.clone()/>
            <details class="section card no-print meeting-details">
                <summary><h2 class="details-heading">"Details: title, date, slot, purpose"</h2></summary>
                <MeetingForm community=c.clone() editing=Some(m.clone())/>
            </details>
            <AgendaEditor c=c.clone() m=m.clone()/>
            <RolesSection c=c.clone() m=m.clone()/>
            <ChecklistSection c=c.clone() m=m.clone()/>
            <DeleteMeeting c m/>
        </div>
    }
}

/// Print, Markdown and .ics.
#[component]
fn ExportBar(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, String)>);
    let (pc, pm) = (c.clone(), m.clone());
    let export = move |ics: bool| {
        let made = state.ws.with_untracked(|w| {
            let community = w.community(&c)?;
            let mt = community.facilitation.meetings.iter().find(|x| x.id == m)?;
            let base = format!("cultivate-{}-{}-{}", slug(&community.name), mt.on, slug(&mt.title));
            Some(if ics {
                (
                    format!("{base}.ics"),
                    "text/calendar",
                    agenda_ics(w, community, mt, now()),
                )
            } else {
                (format!("{base}.md"), "text/markdown", agenda_markdown(w, community, mt))
            })
        });
        let Some((name, mime, text)) = made else {
            message.set(Some((false, "That meeting no longer exists.".into())));
            return;
        };
        message.set(Some(match state.download_text(&name, mime, &text) {
            Ok(()) => (true, format!("Downloaded {name}.")),
            Err(e) => (false, format!("The file could not be downloaded: {e}")),
        }));
    };
    let export_md = export.clone();
    let share = move |_| {
        message.set(Some(match state.export_piece(SharePiece::Meeting(pc.clone(), pm.clone())) {
            Ok(name) => (
                true,
                format!("Downloaded {name}. Importing it into another workspace adds this meeting, or merges it if it is already there."),
            ),
            Err(e) => (false, format!("The file could not be downloaded: {e}")),
        }));
    };
    view! {
        <div class="cluster no-print export-bar">
            <button class="btn" type="button" on:click=move |_| { let _ = window().print(); }>"Print the agenda"</button>
            <button class="btn" type="button" data-testid="export-md" on:click=move |_| export_md(false)>"Export Markdown"</button>
            <button class="btn" type="button" data-testid="export-meeting-ics" on:click=move |_| export(true)>"Export to calendar (.ics)"</button>
            <button class="btn" type="button" data-testid="share-meeting" on:click=share>"Share this meeting (JSON)"</button>
        </div>
        <StatusLine message testid="export-message"/>
    }
}

#[component]
fn DeleteMeeting(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let navigate = use_navigate();
    let delete = move |_| {
        let title = state.ws.with_untracked(|w| {
            w.community(&c)
                .and_then(|x| x.facilitation.meetings.iter().find(|x| x.id == m))
                .map(|x| x.title.clone())
                .unwrap_or_default()
        });
        let (c, m, navigate) = (c.clone(), m.clone(), navigate.clone());
        ask(
            format!("Delete the meeting {title}?"),
            vec!["This deletes its agenda, leadership groups, checklist and record, including attendance, harvest and follow-ups. Value-creation stories that came from it stay, without the link.".into()],
            "Delete meeting",
            move || {
                if state.edit(|ws| ws.delete_meeting(&c, &m, now())).is_ok() {
                    state.notice.set(Some(format!("Deleted the meeting {title}.")));
                    navigate(&format!("/facilitate/{c}"), Default::default());
                }
            },
        );
    };
    view! {
        <section class="section no-print" aria-label="Delete the meeting">
            <button class="btn btn--danger" type="button" on:click=delete>"Delete meeting…"</button>
        </section>
    }
}
