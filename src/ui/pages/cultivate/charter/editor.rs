use leptos::prelude::*;

use crate::model::cultivation::CharterSection;
use crate::model::field_error;
use crate::model::forming::section_problems;
use crate::ui::components::ask;

/// A section being edited, with a key that stays put while sections move.
#[derive(Clone, Copy)]
pub struct EditRow {
    pub key: u64,
    pub heading: RwSignal<String>,
    pub body: RwSignal<String>,
    /// Rows of the textarea when it was opened: enough for the text, within reason.
    pub rows: u32,
}

impl EditRow {
    pub fn new(key: u64, s: CharterSection) -> Self {
        let lines = s.body.lines().count() as u32 + s.body.chars().count() as u32 / 90;
        EditRow {
            key,
            heading: RwSignal::new(s.heading),
            body: RwSignal::new(s.body),
            rows: (lines + 1).clamp(3, 16),
        }
    }

    pub fn section(&self) -> CharterSection {
        CharterSection {
            heading: self.heading.get(),
            body: self.body.get(),
        }
    }

    pub fn section_untracked(&self) -> CharterSection {
        CharterSection {
            heading: self.heading.get_untracked(),
            body: self.body.get_untracked(),
        }
    }
}

/// One section's heading and text, with moves and removal.
#[component]
pub fn SectionEditor(
    row: EditRow,
    rows: RwSignal<Vec<EditRow>>,
    /// Inline messages show once saving was tried.
    attempted: RwSignal<bool>,
    /// Called after every change, to keep the edit for the session.
    remember: Callback<()>,
) -> impl IntoView {
    let key = row.key;
    let position = Memo::new(move |_| rows.with(|r| r.iter().position(|x| x.key == key).unwrap_or(0)));
    let count = move || rows.with(Vec::len);
    let problems = Memo::new(move |_| {
        if attempted.get() {
            section_problems(&row.section())
        } else {
            Vec::new()
        }
    });
    let heading_error = move || field_error(&problems.read(), "heading");
    let body_error = move || field_error(&problems.read(), "body");
    let (heading_id, body_id) = (format!("charter-heading-{key}"), format!("charter-body-{key}"));
    let (heading_err_id, body_err_id) = (format!("{heading_id}-error"), format!("{body_id}-error"));
    let named = move || {
        let h = row.heading.get();
        if h.trim().is_empty() {
            format!("section {}", position.get() + 1)
        } else {
            format!("“{}”", h.trim())
        }
    };
    let shift = move |by: isize| {
        rows.update(|r| {
            let i = r.iter().position(|x| x.key == key).unwrap_or(0);
            let j = i as isize + by;
            if j >= 0 && (j as usize) < r.len() {
                r.swap(i, j as usize);
            }
        });
        remember.run(());
    };
    let remove = move |_| {
        let drop_it = move || {
            rows.update(|r| r.retain(|x| x.key != key));
            remember.run(());
        };
        if row.body.get_untracked().trim().is_empty() {
            drop_it();
        } else {
            ask(
                format!("Remove {}?", named()),
                vec!["The section and its text are removed from this draft. Saved versions keep theirs.".into()],
                "Remove section",
                drop_it,
            );
        }
    };
    view! {
        <li class="charter-edit__section card" data-testid="charter-edit-section">
            <div class="field">
                <label for=heading_id.clone()>{move || format!("Heading of section {}", position.get() + 1)}</label>
                <input
                    id=heading_id.clone()
                    type="text"
                    class="charter-edit__heading"
                    aria-invalid=move || heading_error().map(|_| "true")
                    aria-describedby={
                        let id = heading_err_id.clone();
                        move || heading_error().map(|_| id.clone())
                    }
                    prop:value=move || row.heading.get()
                    on:input=move |ev| {
                        row.heading.set(event_target_value(&ev));
                        remember.run(());
                    }
                />
                {move || heading_error().map(|e| view! { <p class="field__error" id=heading_err_id.clone()>{e}</p> })}
            </div>
            <div class="field">
                <label for=body_id.clone()>{move || format!("Text of {}", named())}</label>
                <textarea
                    id=body_id.clone()
                    rows=row.rows
                    aria-invalid=move || body_error().map(|_| "true")
                    aria-describedby={
                        let id = body_err_id.clone();
                        move || body_error().map(|_| id.clone())
                    }
                    prop:value=move || row.body.get()
                    on:input=move |ev| {
                        row.body.set(event_target_value(&ev));
                        remember.run(());
                    }
                ></textarea>
                {move || body_error().map(|e| view! { <p class="field__error" id=body_err_id.clone()>{e}</p> })}
            </div>
            <div class="cluster charter-edit__actions">
                <button type="button" class="btn btn--small" aria-label=move || format!("Move {} up", named()) disabled=move || position.get() == 0 on:click=move |_| shift(-1)>"↑ Up"</button>
                <button type="button" class="btn btn--small" aria-label=move || format!("Move {} down", named()) disabled=move || { position.get() + 1 >= count() } on:click=move |_| shift(1)>"↓ Down"</button>
                <button type="button" class="btn btn--small btn--ghost" aria-label=move || format!("Remove {}", named()) on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}
