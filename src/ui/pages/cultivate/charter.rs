//! The charter: generated from the forming wizard's answers, edited section by section,
//! and saved as numbered, dated versions. It prints on A4 and exports as Markdown.
//!
//! Saved versions are never changed: editing one saves the result as the next version.
//! Text being edited and not saved yet is kept for the rest of the session (leaving the
//! page and coming back restores it), and the browser asks before a reload or close would
//! drop it.

mod document;
mod editor;

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::model::cultivation::{Charter, CharterSection as Section};
use crate::model::forming::{charter_draft, charter_markdown};
use crate::model::{field_error, CatalogueKind, FieldErrors, Id, ModelError};
use crate::state::{now, slug, today, AppState};
use crate::ui::components::ask;

use document::CharterDocument;
use editor::{EditRow, SectionEditor};

/// Where an edit started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// A draft generated from the wizard's answers.
    Answers,
    /// A copy of a saved version.
    Version(u32),
}

/// An edit in progress, kept per community for the session.
#[derive(Clone)]
struct Unsaved {
    source: Source,
    sections: Vec<Section>,
    on: String,
}

thread_local! {
    static UNSAVED: RefCell<HashMap<Id, Unsaved>> = RefCell::new(HashMap::new());
}

fn unsaved(id: &Id) -> Option<Unsaved> {
    UNSAVED.with(|u| u.borrow().get(id).cloned())
}

fn keep_unsaved(id: &Id, edit: Unsaved) {
    UNSAVED.with(|u| u.borrow_mut().insert(id.clone(), edit));
}

fn forget_unsaved(id: &Id) {
    UNSAVED.with(|u| u.borrow_mut().remove(id));
}

#[component]
pub fn CharterSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let query = use_query_map();
    let charters = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| c.cultivation.charters.clone())
                    .unwrap_or_default()
            })
        })
    };
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.name.clone()).unwrap_or_default())
        })
    };
    let formation = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| w.catalogues.label(CatalogueKind::FormationTypes, &c.formation_type_id))
                    .unwrap_or_default()
            })
        })
    };
    let draft_from_answers = {
        let id = id.clone();
        move || {
            state.ws.with_untracked(|w| {
                w.community(&id)
                    .map(|c| charter_draft(w, c, today()))
                    .unwrap_or_default()
            })
        }
    };

    // What is shown: a saved version (None: the current one), or an edit.
    let viewing = RwSignal::new(None::<u32>);
    let editing = RwSignal::new(None::<Source>);
    let rows = RwSignal::new(Vec::<EditRow>::new());
    let next_key = StoredValue::new(0u64);
    let on = RwSignal::new(today().to_string());
    let touched = RwSignal::new(false);
    let attempted = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::new());
    let restored = RwSignal::new(false);
    let preview = RwSignal::new(false);

    // The rows' signals belong to the page, not to whatever part of it (a button that is
    // about to disappear) started the edit.
    let page_owner = StoredValue::new(Owner::current());
    let in_page = move |f: &mut dyn FnMut()| match page_owner.get_value() {
        Some(o) => o.with(f),
        None => f(),
    };
    let new_row = move |s: Section| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let mut row = None;
        let mut s = Some(s);
        in_page(&mut || row = s.take().map(|s| EditRow::new(key, s)));
        row
    };
    let make_rows = move |sections: Vec<Section>| sections.into_iter().filter_map(new_row).collect::<Vec<_>>();
    let start_edit = move |source: Source, sections: Vec<Section>| {
        rows.set(make_rows(sections));
        on.set(today().to_string());
        touched.set(false);
        attempted.set(false);
        errors.set(Vec::new());
        restored.set(false);
        preview.set(false);
        editing.set(Some(source));
    };

    // Start: an edit left unsaved earlier in the session; else a new draft when the wizard
    // sent us here or nothing is saved yet; else the current version.
    let from_wizard = query.with_untracked(|q| q.get("from").as_deref() == Some("wizard"));
    if from_wizard {
        // Once: a reload later shows what is saved.
        let navigate = use_navigate();
        let path = format!("/cultivate/{id}/charter");
        request_animation_frame(move || {
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
    if let Some(u) = unsaved(&id) {
        rows.set(make_rows(u.sections));
        on.set(u.on);
        touched.set(true);
        restored.set(true);
        editing.set(Some(u.source));
    } else if from_wizard || charters.with_untracked(Vec::is_empty) {
        start_edit(Source::Answers, draft_from_answers());
    }

    // Keeps the edit for the session after every change.
    let remember = {
        let id = id.clone();
        Callback::new(move |_: ()| {
            touched.set(true);
            if let Some(source) = editing.get_untracked() {
                keep_unsaved(
                    &id,
                    Unsaved {
                        source,
                        sections: rows.with_untracked(|r| r.iter().map(EditRow::section_untracked).collect()),
                        on: on.get_untracked(),
                    },
                );
            }
        })
    };

    // A reload or close with unsaved edits asks first.
    let guard = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        if editing.try_get_untracked().flatten().is_some() && touched.try_get_untracked() == Some(true) {
            ev.prevent_default();
            ev.set_return_value("You have unsaved changes to the charter.");
        }
    });
    on_cleanup(move || guard.remove());

    let next_version = move || charters.with(|c| c.last().map_or(1, |l| l.version + 1));
    let shown = move || {
        charters.with(|cs| match viewing.get() {
            None => cs.last().cloned(),
            Some(v) => cs.iter().find(|c| c.version == v).cloned(),
        })
    };

    let save = {
        let id = id.clone();
        move |_| {
            attempted.set(true);
            let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
                errors.set(vec![crate::model::FieldError::new(
                    "on",
                    "Enter the date as YYYY-MM-DD",
                )]);
                return;
            };
            let sections: Vec<Section> = rows.with_untracked(|r| r.iter().map(EditRow::section_untracked).collect());
            match state.edit(|ws| ws.save_charter(&id, &sections, date, now())) {
                Ok(v) => {
                    forget_unsaved(&id);
                    editing.set(None);
                    viewing.set(None);
                    touched.set(false);
                    errors.set(Vec::new());
                    state.notice.set(Some(format!("The charter is saved as version {v}.")));
                }
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![crate::model::FieldError::new("", e.to_string())]),
            }
        }
    };
    let cancel = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            let discard = move || {
                forget_unsaved(&id);
                editing.set(None);
                touched.set(false);
            };
            if touched.get_untracked() {
                ask(
                    "Discard your changes to the charter?",
                    vec!["The changes you made here are not saved. The saved versions stay as they are.".into()],
                    "Discard changes",
                    discard,
                );
            } else {
                discard();
            }
        }
    };
    let regenerate = {
        let draft = draft_from_answers.clone();
        let id = id.clone();
        move |_| {
            let (draft, id) = (draft.clone(), id.clone());
            let again = move || {
                forget_unsaved(&id);
                start_edit(Source::Answers, draft());
            };
            if touched.get_untracked() {
                ask(
                    "Start again from the wizard's answers?",
                    vec![
                        "Your edits to this draft are replaced by a new draft made from the wizard's current answers."
                            .into(),
                    ],
                    "Start again",
                    again,
                );
            } else {
                again();
            }
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let export = {
        let id = id.clone();
        move |_| {
            let Some(ch) = shown() else { return };
            let md = state
                .ws
                .with_untracked(|w| w.community(&id).map(|c| charter_markdown(w, c, &ch)));
            let Some(md) = md else { return };
            let file = format!("cultivate-{}-charter-v{}.md", slug(&name.get_untracked()), ch.version);
            match state.download_text(&file, "text/markdown", &md) {
                Ok(()) => state.notice.set(Some(format!("Exported {file}."))),
                Err(e) => state.notice.set(Some(format!("The export failed: {e}"))),
            }
        }
    };
    let add_section = move |_| {
        let Some(row) = new_row(Section {
            heading: String::new(),
            body: String::new(),
        }) else {
            return;
        };
        rows.update(|r| r.push(row));
        remember.run(());
        let target = format!("charter-heading-{}", row.key);
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&target) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    };

    let wizard_href = crate::ui::href(&format!("/cultivate/{id}/forming"));
    let general = move || errors.with(|e| field_error(e, ""));
    let date_error = move || errors.with(|e| field_error(e, "on"));
    let section_errors = move || {
        errors.with(|e| {
            e.iter()
                .filter(|x| x.field != "on" && !x.field.is_empty())
                .map(|x| x.message.clone())
                .collect::<Vec<_>>()
        })
    };

    let edit_view = move || {
        let source = editing.get()?;
        let intro = match source {
            Source::Answers => format!(
                "A draft made from the wizard's answers. Edit any section, add or remove sections, then save it as version {}.",
                next_version()
            ),
            Source::Version(v) => format!(
                "A copy of version {v}. Saved versions never change: saving this makes it version {}.",
                next_version()
            ),
        };
        let has_versions = charters.with(|c| !c.is_empty());
        let print_sections = Signal::derive(move || rows.with(|r| r.iter().map(EditRow::section).collect::<Vec<_>>()));
        let print_meta = Signal::derive(move || format!("{} · Draft of version {}", formation.get(), next_version()));
        Some(view! {
            <div class="charter-edit no-print" data-testid="charter-editor">
                {move || restored.get().then(|| view! {
                    <p class="banner banner--info">"Your unsaved changes from earlier in this session are back. Save them as a version, or discard them."</p>
                })}
                <p class="banner banner--info charter-edit__intro">{intro}</p>
                <p class="muted">
                    "Blank lines separate paragraphs; a line starting with “- ” is a bullet point, and a line ending with “:” is a label. To change the answers themselves, go back to the "
                    <A href=wizard_href.clone()>"forming wizard"</A>"."
                </p>
                <div class="cluster charter-toolbar">
                    <button type="button" class="btn" aria-pressed=move || if preview.get() { "true" } else { "false" } on:click=move |_| preview.update(|p| *p = !*p)>
                        "Preview"
                    </button>
                    <button type="button" class="btn" on:click=print>"Print draft"</button>
                    {(source == Source::Answers || has_versions).then(|| view! {
                        <button type="button" class="btn btn--ghost" on:click=regenerate.clone()>"Start again from the wizard's answers"</button>
                    })}
                </div>
            </div>
            <div class="charter-edit no-print" hidden=move || preview.get()>
                <ol class="charter-edit__sections">
                    <For each=move || rows.get() key=|r| r.key let:row>
                        <SectionEditor row rows attempted remember/>
                    </For>
                </ol>
                <button type="button" class="btn charter-edit__add" on:click=add_section>"Add a section"</button>
            </div>
            <div class="charter-preview" class:print-only=move || !preview.get()>
                <CharterDocument
                    name=Signal::derive(move || name.get())
                    meta=print_meta
                    sections=print_sections
                    status="Draft, not saved as a version yet"
                />
            </div>
            <div class="charter-edit__save no-print">
                <div class="field charter-edit__date">
                    <label for="charter-on">"Date of this version"</label>
                    <input
                        id="charter-on"
                        type="date"
                        aria-invalid=move || date_error().map(|_| "true")
                        aria-describedby=move || date_error().map(|_| "charter-on-error")
                        prop:value=move || on.get()
                        on:input=move |ev| {
                            on.set(event_target_value(&ev));
                            remember.run(());
                        }
                    />
                </div>
                <div class="cluster charter-edit__buttons">
                    <button type="button" class="btn btn--primary" on:click=save.clone()>{move || format!("Save as version {}", next_version())}</button>
                    {has_versions.then(|| view! { <button type="button" class="btn" on:click=cancel.clone()>"Cancel"</button> })}
                </div>
                {move || date_error().map(|e| view! { <p class="field__error charter-edit__message" id="charter-on-error">{e}</p> })}
                {move || {
                    let list = section_errors();
                    (!list.is_empty()).then(|| view! {
                        <div class="banner banner--error charter-edit__message" role="alert">
                            <p><strong>"Not saved yet."</strong></p>
                            <ul>{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                {move || general().map(|e| view! { <p class="field__error charter-edit__message" role="alert">{e}</p> })}
            </div>
        })
    };

    let saved_view = move || {
        if editing.get().is_some() {
            return None;
        }
        let ch = shown()?;
        let total = charters.with(Vec::len);
        let latest = charters.with(|c| c.last().map(|l| l.version).unwrap_or(0));
        let older = ch.version != latest;
        let Charter {
            version,
            on: date,
            sections,
        } = ch.clone();
        let edit_this = {
            let sections = sections.clone();
            move |_| start_edit(Source::Version(version), sections.clone())
        };
        let new_from_answers = {
            let draft = draft_from_answers.clone();
            move |_| start_edit(Source::Answers, draft())
        };
        let meta = format!("{} · Version {version} · {date}", formation.get());
        Some(view! {
            <div class="cluster charter-toolbar no-print" data-testid="charter-toolbar">
                <button type="button" class="btn btn--primary" on:click=print>"Print"</button>
                <button type="button" class="btn" on:click=export.clone()>"Export Markdown"</button>
                <button type="button" class="btn" on:click=edit_this>
                    {if older { format!("Edit version {version} as version {}", latest + 1) } else { format!("Edit as version {}", latest + 1) }}
                </button>
                <button type="button" class="btn" on:click=new_from_answers>"Start a new version from the wizard's answers"</button>
            </div>
            {older.then(|| view! {
                <div class="banner banner--warning no-print" data-testid="older-version">
                    <p>{format!("This is version {version} of {total}, from {date}. It is kept as it was.")}</p>
                    <div class="banner__actions">
                        <button type="button" class="btn btn--small" on:click=move |_| viewing.set(None)>"Show the current version"</button>
                    </div>
                </div>
            })}
            <CharterDocument name=Signal::derive(move || name.get()) meta=meta sections=sections/>
        })
    };

    let history = move || {
        let list = charters.get();
        let id = id.clone();
        if list.is_empty() {
            return None;
        }
        let shown_version = shown().map(|c| c.version);
        let latest = list.last().map(|l| l.version);
        Some(view! {
            <section class="section no-print charter-history" aria-labelledby="charter-history-h">
                <h2 id="charter-history-h">"Versions"</h2>
                <ol class="member-list" data-testid="charter-versions" reversed>
                    {list.into_iter().rev().map(|c| {
                        let v = c.version;
                        let is_shown = shown_version == Some(v) && editing.get().is_none();
                        let id = id.clone();
                        let label = format!(
                            "Version {v} · {} · {} section{}{}",
                            c.on,
                            c.sections.len(),
                            if c.sections.len() == 1 { "" } else { "s" },
                            if Some(v) == latest { " (current)" } else { "" }
                        );
                        view! {
                            <li>
                                <span>{label}</span>
                                {if is_shown {
                                    view! { <span class="muted">"Shown above"</span> }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="btn btn--small" on:click={
                                            let id = id.clone();
                                            move |_| {
                                                let id = id.clone();
                                                let show = move || {
                                                    forget_unsaved(&id);
                                                    editing.set(None);
                                                    touched.set(false);
                                                    viewing.set(if Some(v) == latest { None } else { Some(v) });
                                                };
                                                if editing.get_untracked().is_some() && touched.get_untracked() {
                                                    ask(
                                                        "Discard your changes to the charter?",
                                                        vec![format!("Showing version {v} drops the changes you made here, which are not saved.")],
                                                        "Discard changes",
                                                        show,
                                                    );
                                                } else {
                                                    show();
                                                }
                                            }
                                        }>{format!("Show version {v}")}</button>
                                    }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })
    };

    view! {
        <div class="charter-page">
            {edit_view}
            {saved_view}
            {history}
        </div>
    }
}
