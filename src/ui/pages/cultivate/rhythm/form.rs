use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::cultivation::{Feel, Mode, Repeat};
use crate::model::rhythm::{duration_label, repeat_label, ActivityDraft};
use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{SelectField, TextField};

use super::{focus_later, FormTarget};

/// The id of the input for a draft field, so that a failed save can focus the first one
/// with a problem.
fn input_id(field: &str) -> String {
    format!("act-{field}")
}

/// The form for one activity: what, when, how often, and its feel and mode.
#[component]
pub fn ActivityForm(
    community: Id,
    editing: FormTarget,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing
            .as_ref()
            .and_then(|a| {
                w.community(&community)?
                    .cultivation
                    .activities
                    .iter()
                    .find(|x| &x.id == a)
                    .map(ActivityDraft::of)
            })
            .unwrap_or_else(|| ActivityDraft::new(today()))
    });
    let title = RwSignal::new(initial.title.clone());
    let kind = RwSignal::new(
        initial
            .activity_type_id
            .as_ref()
            .map(|t| t.0.clone())
            .unwrap_or_default(),
    );
    let starts_on = RwSignal::new(initial.starts_on.clone());
    let start_time = RwSignal::new(initial.start_time.clone());
    let duration = RwSignal::new(initial.duration_minutes.clone());
    let repeat = RwSignal::new(initial.repeat);
    let until = RwSignal::new(initial.until.clone());
    let feel = RwSignal::new(initial.feel);
    let mode = RwSignal::new(initial.mode);
    let location = RwSignal::new(initial.location.clone());
    let notes = RwSignal::new(initial.notes.clone());
    let attempted = RwSignal::new(false);

    let draft = move || ActivityDraft {
        title: title.get(),
        activity_type_id: Some(kind.get()).filter(|k| !k.is_empty()).map(Id),
        starts_on: starts_on.get(),
        start_time: start_time.get(),
        duration_minutes: duration.get(),
        repeat: repeat.get(),
        until: until.get(),
        feel: feel.get(),
        mode: mode.get(),
        location: location.get(),
        notes: notes.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let types = Signal::derive(move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::ActivityTypes)
                .iter()
                .map(|e| (e.id.0.clone(), e.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    // What the chosen repeat means for the chosen first date: "Every second Tuesday".
    let repeat_words = move || {
        let first = NaiveDate::parse_from_str(starts_on.get().trim(), "%Y-%m-%d").ok();
        match first {
            Some(f) => repeat_label(repeat.get(), f),
            None => "Choose the first date to see when it repeats.".into(),
        }
    };
    let duration_words = move || {
        duration
            .get()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=1440).contains(m))
            .map(|m| format!("That is {}.", duration_label(m)))
            .unwrap_or_else(|| "In minutes: 60 is an hour, 90 an hour and a half.".into())
    };

    let is_edit = editing.is_some();
    let cancel = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing {
            Some(a) => state.edit(|ws| ws.update_activity(&community, a, &d, now())),
            None => state.edit(|ws| ws.add_activity(&community, new_id(), &d, now())),
        };
        match result {
            Ok(()) => {
                state.notice.set(Some(format!(
                    "{} “{}”.",
                    if is_edit { "Saved" } else { "Added" },
                    d.title.trim()
                )));
                done();
            }
            Err(ModelError::Invalid(errs)) => {
                if let Some(first) = errs.first() {
                    let target: &'static str = match first.field {
                        "title" => "act-title",
                        "activity_type_id" => "act-activity_type_id",
                        "starts_on" => "act-starts_on",
                        "start_time" => "act-start_time",
                        "duration_minutes" => "act-duration_minutes",
                        "until" => "act-until",
                        "location" => "act-location",
                        _ => "act-notes",
                    };
                    focus_later(target);
                }
            }
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };

    let until_shown = move || repeat.get() != Repeat::Once;
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id=input_id("title") label="Title" value=title required=true error=err("title")
                hint="What members will see in their calendar, e.g. “Flaky-test clinic”."/>
            <SelectField id=input_id("activity_type_id") label="Activity type (optional)" value=kind options=types
                empty="No particular type" error=err("activity_type_id")
                hint="What the community does in it (from the activity types catalogue)."/>
            <div class="field-row">
                <TextField id=input_id("starts_on") label="First date" input_type="date" value=starts_on required=true error=err("starts_on")/>
                <TextField id=input_id("start_time") label="Start time" input_type="time" value=start_time required=true error=err("start_time")/>
                <div class="field">
                    <label for=input_id("duration_minutes")>"Duration (minutes)"<span aria-hidden="true">" *"</span></label>
                    <input
                        id=input_id("duration_minutes")
                        name="duration_minutes"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="1440"
                        step="5"
                        required=true
                        aria-invalid=move || err("duration_minutes").get().map(|_| "true")
                        aria-describedby=move || {
                            if err("duration_minutes").get().is_some() {
                                "act-duration_minutes-hint act-duration_minutes-error"
                            } else {
                                "act-duration_minutes-hint"
                            }
                        }
                        prop:value=move || duration.get()
                        on:input=move |ev| duration.set(event_target_value(&ev))
                    />
                    <p class="field__hint" id="act-duration_minutes-hint">{duration_words}</p>
                    {move || err("duration_minutes").get().map(|e| view! { <p class="field__error" id="act-duration_minutes-error">{e}</p> })}
                </div>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="act-repeat">"Repeats"</label>
                    <select
                        id="act-repeat"
                        name="repeat"
                        aria-describedby="act-repeat-hint"
                        prop:value=move || repeat.get().key()
                        on:change=move |ev| {
                            if let Some(r) = Repeat::from_key(&event_target_value(&ev)) {
                                repeat.set(r);
                            }
                        }
                    >
                        {Repeat::ALL.into_iter().map(|r| view! {
                            <option value=r.key() selected=move || repeat.get() == r>{r.label()}</option>
                        }).collect_view()}
                    </select>
                    <p class="field__hint" id="act-repeat-hint" data-testid="repeat-words">{repeat_words}</p>
                </div>
                {move || until_shown().then(|| view! {
                    <TextField id=input_id("until") label="Last date (optional)" input_type="date" value=until error=err("until")
                        hint="The last day it may fall on. Leave empty to keep it going."/>
                })}
            </div>
            <div class="field-row">
                <fieldset class="field rhythm-choice">
                    <legend>"Feel"</legend>
                    {Feel::ALL.into_iter().map(|f| {
                        let rid = format!("act-feel-{}", f.key());
                        let rfor = rid.clone();
                        view! {
                            <label class="check" for=rfor>
                                <input id=rid type="radio" name="feel" value=f.key()
                                    prop:checked=move || feel.get() == f
                                    on:change=move |_| feel.set(f)/>
                                <span><strong>{f.label()}</strong><br/><span class="muted">{f.help()}</span></span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset class="field rhythm-choice">
                    <legend>"Mode"</legend>
                    {Mode::ALL.into_iter().map(|m| {
                        let rid = format!("act-mode-{}", m.key());
                        let rfor = rid.clone();
                        view! {
                            <label class="check" for=rfor>
                                <input id=rid type="radio" name="mode" value=m.key()
                                    prop:checked=move || mode.get() == m
                                    on:change=move |_| mode.set(m)/>
                                <span><strong>{m.label()}</strong><br/><span class="muted">{m.help()}</span></span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <TextField id=input_id("location") label="Location (optional)" value=location error=err("location")
                hint="A room or address, or an http(s) link for an online session."/>
            <TextField id=input_id("notes") label="Notes (optional)" value=notes multiline=true error=err("notes")
                hint="What to bring or prepare; it goes into the calendar event's description."/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_edit { "Save changes" } else { "Add activity" }}</button>
                <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </form>
    }
}
