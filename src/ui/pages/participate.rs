//! Participant mode: answering a facilitator's story-collection file. A participant opens
//! the file (with or without a workspace of their own), writes value-creation stories,
//! and exports them as an answers file for the facilitator to merge. The stories are kept
//! in this browser apart from any workspace (see `AppState::participant_save`), and are
//! checked by the model's own story operations on a workspace made from the file.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::evaluation::{Consent, Story, StoryStatus, StoryStep};
use crate::model::value::StoryDraft;
use crate::model::{field_error, CatalogueKind, Catalogues, FieldError, Id, ModelError, ModelResult, Workspace};
use crate::state::{new_id, now, today, AppState};
use crate::storage::format::CommunityBundle;
use crate::ui::components::{ask, Leaf, SelectField, TextField};

use super::use_title;

// ----- pure helpers -----

/// One value cycle in the story form: a textarea labelled with the cycle, with its
/// guiding questions and description as help.
#[derive(Clone, Debug, PartialEq)]
pub struct CycleStep {
    pub id: Id,
    pub label: String,
    pub questions: Vec<String>,
    pub description: String,
}

/// The story form's steps: one per value cycle, in the catalogue's order.
pub fn cycle_steps(cats: &Catalogues) -> Vec<CycleStep> {
    cats.get(CatalogueKind::ValueCycles)
        .iter()
        .map(|e| CycleStep {
            id: e.id.clone(),
            label: e.label.clone(),
            questions: cats
                .children(CatalogueKind::CycleQuestions, &e.id)
                .map(|q| q.label.clone())
                .collect(),
            description: e.description.clone(),
        })
        .collect()
}

/// Whether two files are the same story collection: the same community and invitation.
pub fn same_collection(a: &CommunityBundle, b: &CommunityBundle) -> bool {
    let prompt = |x: &CommunityBundle| x.piece.as_ref().map(|p| p.prompt.clone());
    a.community.id == b.community.id && prompt(a) == prompt(b)
}

/// `bundle` with the stories of its community as they are in `ws` (a workspace made from
/// the bundle, changed by the model's story operations). Nothing else of `ws` is taken.
pub fn with_stories_of(mut bundle: CommunityBundle, ws: &Workspace) -> CommunityBundle {
    if let Some(c) = ws.community(&bundle.community.id) {
        bundle.community.evaluation.stories = c.evaluation.stories.clone();
    }
    bundle
}

/// Where the participant's collection file comes from when the page opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// Kept in this browser's storage.
    Stored(CommunityBundle),
    /// In this tab only: storage is unavailable, or keeping the latest change failed.
    TabOnly(CommunityBundle),
    /// Storage holds answers that cannot be read.
    Unreadable(String),
    /// No collection file is open.
    Nothing,
}

/// What the page shows, from: what storage holds (`stored`), whether storage works
/// (`persists`), the file opened last in this tab (`pending`), the page's own latest copy
/// in this tab and whether keeping it failed (`tab`), and the file that was open when the
/// participant discarded their stories in this tab (`discarded`). The newest copy of the
/// same collection wins, so that work kept only in this tab is never dropped.
pub fn choose(
    stored: Result<Option<CommunityBundle>, String>,
    persists: bool,
    pending: Option<CommunityBundle>,
    tab: Option<(CommunityBundle, bool)>,
    discarded: Option<&CommunityBundle>,
) -> Opened {
    let newest = |b: CommunityBundle| match &tab {
        Some((t, _)) if same_collection(t, &b) => t.clone(),
        _ => b,
    };
    match stored {
        Ok(Some(b)) => match tab {
            Some((t, true)) if same_collection(&t, &b) => Opened::TabOnly(t),
            _ => Opened::Stored(b),
        },
        // Storage works but holds nothing: the file could not be kept when it was opened,
        // or the participant discarded it.
        Ok(None) => match pending {
            Some(p) if discarded != Some(&p) => Opened::TabOnly(newest(p)),
            _ => Opened::Nothing,
        },
        Err(_) if !persists => pending.map(|p| Opened::TabOnly(newest(p))).unwrap_or(Opened::Nothing),
        Err(e) => Opened::Unreadable(e),
    }
}

/// The model's form errors in a participant's words: the staff form's "choose a person or
/// type a name" becomes "write your name" (a participant has no list of people). Every
/// other message is the model's own.
pub fn for_participant(mut errs: Vec<FieldError>, teller_name: &str) -> Vec<FieldError> {
    for e in &mut errs {
        if e.field == "teller" && teller_name.trim().is_empty() {
            e.message = "Write your name, so that the facilitator knows whose story it is".into();
        }
    }
    errs
}

/// What a consent level means for the teller, in plain words.
pub fn consent_explained(c: Consent) -> &'static str {
    match c {
        Consent::Community => "Only members of the community may read it. It never appears in a report shared outside the community.",
        Consent::Organisation => "Members, and people in the organisations behind the community (sponsors, managers, colleagues), may read it in reports.",
        Consent::Public => "Anyone may read it: it may be quoted in reports or publications outside the organisations too.",
    }
}

// ----- this tab's copy -----

/// The page's latest copy in this tab, kept across visits to other pages, so that stories
/// written without storage survive leaving the page.
#[derive(Default)]
struct TabCopy {
    /// The collection with the stories so far, and whether keeping it in storage failed.
    latest: Option<(CommunityBundle, bool)>,
    /// The file that was open when the participant discarded their stories.
    discarded: Option<CommunityBundle>,
}

thread_local! {
    static TAB: RefCell<TabCopy> = RefCell::new(TabCopy::default());
}

fn remember(bundle: &CommunityBundle, unsaved: bool) {
    TAB.with(|t| t.borrow_mut().latest = Some((bundle.clone(), unsaved)));
}

fn forget(open: Option<CommunityBundle>) {
    TAB.with(|t| {
        let mut t = t.borrow_mut();
        t.latest = None;
        t.discarded = open;
    });
}

fn open_now(state: AppState) -> Opened {
    let (tab, discarded) = TAB.with(|t| {
        let t = t.borrow();
        (t.latest.clone(), t.discarded.clone())
    });
    choose(
        state.participant_load(),
        state.persists(),
        state.participant_in_memory(),
        tab,
        discarded.as_ref(),
    )
}

// ----- pages -----

/// `/participate` inside a workspace.
#[component]
pub fn ParticipatePage() -> impl IntoView {
    view! { <Participate/> }
}

/// `/participate` without a workspace: the page on its own, with a way back to the start.
#[component]
pub fn ParticipateStandalone() -> impl IntoView {
    view! {
        <main id="main" class="participate-standalone" tabindex="-1">
            <header class="participate-standalone__top no-print">
                <span class="participate-standalone__brand"><Leaf/>"Cultivate"</span>
                <A href=crate::ui::href("/")>"Back to the start page"</A>
            </header>
            <Participate/>
        </main>
    }
}

#[component]
fn Participate() -> impl IntoView {
    let state = AppState::expect();
    let opened = open_now(state);
    let title = match &opened {
        Opened::Stored(b) | Opened::TabOnly(b) => format!("Stories for {}", b.community.name),
        _ => "Stories for a facilitator".to_string(),
    };
    use_title(move || title.clone());
    let discarded = RwSignal::new(false);
    let opened = StoredValue::new(opened);
    // Runs once, and again only when the participant discards their stories.
    move || {
        if discarded.get() {
            return view! { <NothingOpen done=true/> }.into_any();
        }
        match opened.get_value() {
            Opened::Stored(b) => view! { <Answering bundle=b tab_only=false discarded/> }.into_any(),
            Opened::TabOnly(b) => view! { <Answering bundle=b tab_only=true discarded/> }.into_any(),
            Opened::Unreadable(message) => view! { <Unreadable message discarded/> }.into_any(),
            Opened::Nothing => view! { <NothingOpen done=false/> }.into_any(),
        }
    }
}

/// No collection file is open (or the stories were just discarded).
#[component]
fn NothingOpen(done: bool) -> impl IntoView {
    let state = AppState::expect();
    let where_to = if state.is_ready() {
        view! { " on the "<A href=crate::ui::href("/data")>"Data page"</A>", under “Import”" }.into_any()
    } else {
        view! { " on the "<A href=crate::ui::href("/")>"start page"</A>", under “Open a file”" }.into_any()
    };
    view! {
        <div class="page-header">
            <h1>"Stories for a facilitator"</h1>
            <p class="lede">"A facilitator can ask you for value-creation stories with a story-collection file. You write your stories here and send back an answers file; nothing goes into a workspace of yours."</p>
        </div>
        {done.then(|| view! {
            <div class="banner banner--success" role="status" data-testid="participant-discarded">
                <p>"Your stories were discarded from this browser."</p>
            </div>
        })}
        <div class="empty-state" data-testid="participant-nothing">
            <p>"No story-collection file is open. Open the file the facilitator sent you"{where_to}"."</p>
        </div>
    }
}

/// Stored answers that cannot be read: say so, and offer to discard them.
#[component]
fn Unreadable(message: String, discarded: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let discard = move |_| {
        ask(
            "Discard the stored answers?",
            vec!["The stories stored in this browser cannot be read, so they cannot be exported either. Discarding them lets you open a story-collection file again. This cannot be undone.".into()],
            "Discard",
            move || match state.participant_clear() {
                Ok(()) => {
                    forget(None);
                    discarded.set(true);
                }
                Err(e) => error.set(Some(format!("They could not be discarded: {e}"))),
            },
        );
    };
    view! {
        <div class="page-header"><h1>"Stories for a facilitator"</h1></div>
        <div class="banner banner--error" role="alert" data-testid="participant-unreadable">
            <p>{message}</p>
            <div class="banner__actions">
                <button type="button" class="btn btn--danger" on:click=discard>"Discard them"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="field__error">{e}</p> })}
        </div>
    }
}

/// The story form's values, one signal per field.
#[derive(Clone, Copy)]
struct Form {
    teller: RwSignal<String>,
    title: RwSignal<String>,
    told_on: RwSignal<String>,
    start: RwSignal<String>,
    status: RwSignal<StoryStatus>,
    follow_up: RwSignal<String>,
    consent: RwSignal<Consent>,
    /// The step texts, by cycle, in the catalogue's order.
    texts: StoredValue<Vec<(CycleStep, RwSignal<String>)>>,
}

impl Form {
    fn fill(&self, d: &StoryDraft) {
        self.teller.set(d.teller_name.clone());
        self.title.set(d.title.clone());
        self.told_on.set(d.told_on.clone());
        self.start.set(d.start_cycle_id.0.clone());
        self.status.set(d.status);
        self.follow_up.set(d.follow_up_on.clone());
        self.consent.set(d.consent);
        self.texts.with_value(|t| {
            for (step, text) in t {
                text.set(d.step(&step.id));
            }
        });
    }

    /// The draft as typed, over `base` (a new story's defaults, or the story being edited,
    /// so that what the participant does not see is kept).
    fn draft(&self, mut base: StoryDraft) -> StoryDraft {
        base.teller_id = None;
        base.teller_name = self.teller.get_untracked();
        base.title = self.title.get_untracked();
        base.told_on = self.told_on.get_untracked();
        base.start_cycle_id = Id(self.start.get_untracked());
        base.steps = self.texts.with_value(|t| {
            t.iter()
                .map(|(step, text)| StoryStep {
                    cycle_id: step.id.clone(),
                    text: text.get_untracked(),
                })
                .collect()
        });
        base.status = self.status.get_untracked();
        base.follow_up_on = match base.status {
            StoryStatus::Aspirational => self.follow_up.get_untracked(),
            StoryStatus::Realised => String::new(),
        };
        base.consent = self.consent.get_untracked();
        base
    }
}

/// One of the model's story operations, on a workspace made from the file and its community.
type StoryOp = Box<dyn FnOnce(&mut Workspace, &Id) -> ModelResult>;

/// Moves focus to the element with this id after the next render.
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The participant's page for one collection file: the invitation, the stories so far,
/// the story form, and exporting or discarding the answers.
#[component]
fn Answering(bundle: CommunityBundle, tab_only: bool, discarded: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let cid = StoredValue::new(bundle.community.id.clone());
    let community = bundle.community.name.clone();
    let prompt = bundle.piece.as_ref().map(|p| p.prompt.clone()).unwrap_or_default();
    let about = bundle.community.domain.statement.trim().to_string();
    let steps = cycle_steps(&bundle.catalogues);
    let cycle_options: Vec<(String, String)> = steps.iter().map(|s| (s.id.0.clone(), s.label.clone())).collect();
    let first_cycle = steps
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_else(|| Id::new("immediate"));
    let cats = StoredValue::new(bundle.catalogues.clone());
    let last_teller = bundle
        .community
        .evaluation
        .stories
        .last()
        .map(|s| s.teller_name.clone())
        .unwrap_or_default();
    remember(&bundle, tab_only && state.persists());
    let data = RwSignal::new(bundle);
    // Some(reason) while the stories live in this tab only.
    let tab_only = RwSignal::new(tab_only.then(|| {
        if state.persists() {
            "Your stories could not be kept in this browser's storage.".to_string()
        } else {
            "Browser storage is not available here.".to_string()
        }
    }));
    let save_error = RwSignal::new(None::<String>);

    let form = Form {
        teller: RwSignal::new(last_teller),
        title: RwSignal::new(String::new()),
        told_on: RwSignal::new(today().to_string()),
        start: RwSignal::new(first_cycle.0.clone()),
        status: RwSignal::new(StoryStatus::Realised),
        follow_up: RwSignal::new(String::new()),
        consent: RwSignal::new(Consent::Community),
        texts: StoredValue::new(
            steps
                .iter()
                .map(|s| (s.clone(), RwSignal::new(String::new())))
                .collect(),
        ),
    };
    let editing = RwSignal::new(None::<Id>);
    let errs = RwSignal::new(Vec::<FieldError>::new());
    let saved_msg = RwSignal::new(None::<String>);
    let export_msg = RwSignal::new(None::<Result<String, String>>);
    let discard_error = RwSignal::new(None::<String>);
    let err = move |field: &'static str| Signal::derive(move || errs.with(|e| field_error(e, field)));

    let new_story = move || {
        let teller = form.teller.get_untracked();
        let mut d = StoryDraft::new(&first_cycle, today());
        d.teller_name = teller;
        form.fill(&d);
        editing.set(None);
        errs.set(Vec::new());
    };
    let new_story = StoredValue::new(new_story);

    // Applies one of the model's story operations to a workspace made from the file, puts
    // the stories back into the file and keeps it in this browser.
    let commit = move |op: StoryOp| -> ModelResult {
        let b = data.get_untracked();
        let mut ws = b.as_workspace(now());
        op(&mut ws, &cid.get_value())?;
        let b = with_stories_of(b, &ws);
        data.set(b.clone());
        let kept = state.participant_save(&b);
        match (&kept, state.persists()) {
            (Ok(()), true) => {
                tab_only.set(None);
                save_error.set(None);
            }
            (Err(e), true) => save_error.set(Some(e.to_string())),
            _ => {}
        }
        remember(&b, kept.is_err() && state.persists());
        Ok(())
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved_msg.set(None);
        let sid = editing.get_untracked();
        let base = match &sid {
            Some(sid) => data.with_untracked(|b| {
                b.community
                    .evaluation
                    .stories
                    .iter()
                    .find(|s| &s.id == sid)
                    .map(StoryDraft::of)
            }),
            None => Some(StoryDraft::new(&Id(form.start.get_untracked()), today())),
        };
        let Some(base) = base else {
            errs.set(vec![FieldError::new("general", "That story no longer exists.")]);
            return;
        };
        let draft = form.draft(base);
        let title = draft.title.trim().to_string();
        let result = match sid {
            Some(sid) => commit(Box::new(move |ws, c| ws.update_story(c, &sid, &draft, today(), now()))),
            None => {
                let nid = new_id();
                commit(Box::new(move |ws, c| ws.add_story(c, nid, &draft, today(), now())))
            }
        };
        match result {
            Ok(()) => {
                new_story.with_value(|f| f());
                saved_msg.set(Some(format!(
                    "Saved your story “{title}”. Write another one, or export your answers under “Send your answers”."
                )));
            }
            Err(ModelError::Invalid(e)) => {
                errs.set(for_participant(e, &form.teller.get_untracked()));
                focus_later("p-story-errors");
            }
            Err(other) => errs.set(vec![FieldError::new("general", other.to_string())]),
        }
    };

    let edit = move |s: &Story| {
        form.fill(&StoryDraft::of(s));
        editing.set(Some(s.id.clone()));
        errs.set(Vec::new());
        saved_msg.set(None);
        focus_later("p-form-h");
    };
    let delete = move |sid: Id, title: String| {
        ask(
            "Delete this story?",
            vec![format!(
                "“{title}” will be removed from your answers in this browser. This cannot be undone."
            )],
            "Delete story",
            move || {
                let id = sid.clone();
                match commit(Box::new(move |ws, c| ws.delete_story(c, &id, now()))) {
                    Ok(()) => {
                        if editing.get_untracked().as_ref() == Some(&sid) {
                            new_story.with_value(|f| f());
                        }
                        saved_msg.set(Some(format!("Deleted the story “{title}”.")));
                    }
                    Err(e) => saved_msg.set(Some(format!("The story could not be deleted: {e}"))),
                }
            },
        );
    };

    let community_for_export = community.clone();
    let export = move |_| {
        let b = data.get_untracked();
        let stories = b.community.evaluation.stories.clone();
        let mut collection = b;
        collection.community.evaluation.stories.clear();
        export_msg.set(Some(match state.participant_export(&collection, &stories) {
            Ok(name) => Ok(format!(
                "Downloaded {name}. Send this file to the facilitator of {community_for_export}. Your stories stay here until you discard them."
            )),
            Err(e) => Err(format!("Your answers could not be exported: {e}")),
        }));
    };
    let community_for_discard = community.clone();
    let discard = move |_| {
        let n = data.with_untracked(|b| b.community.evaluation.stories.len());
        let community = community_for_discard.clone();
        ask(
            "Discard your stories?",
            if n == 0 {
                vec![format!("The story-collection file for {community} will be closed in this browser. You can open it again at any time.")]
            } else {
                vec![
                    format!(
                        "The {n} stor{} you wrote for {community} will be removed from this browser, with the story-collection file.",
                        if n == 1 { "y" } else { "ies" }
                    ),
                    "If you have not sent your answers to the facilitator yet, export them first. This cannot be undone.".into(),
                ]
            },
            "Discard my stories",
            move || {
                let open = state.participant_in_memory();
                match state.participant_clear() {
                    Err(e) if state.persists() => {
                        discard_error.set(Some(format!("Your stories could not be discarded: {e}")))
                    }
                    _ => {
                        forget(open);
                        discarded.set(true);
                    }
                }
            },
        );
    };

    let count = move || data.with(|b| b.community.evaluation.stories.len());
    let story_list = move || {
        data.with(|b| {
            let mut v = b.community.evaluation.stories.clone();
            v.sort_by_key(|s| s.created_at);
            v
        })
    };
    let start_label = move || cats.with_value(|c| c.label(CatalogueKind::ValueCycles, &Id(form.start.get())));
    let steps_error = move || {
        errs.with(|e| {
            e.iter()
                .filter(|x| x.field == "steps")
                .map(|x| x.message.clone())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <div class="page-header">
            <p class="muted">"Story collection"</p>
            <h1>{format!("Stories for {community}")}</h1>
            <p class="lede">{format!("A facilitator of {community} asks for your value-creation stories: how taking part made a difference, for you or for your work. Write as many as you like, then export your answers and send the file back.")}</p>
        </div>
        {move || tab_only.get().map(|reason| view! {
            <div class="banner banner--warning" role="alert" data-testid="participant-tab-only">
                <p><strong>"Your stories live in this tab only. "</strong>{reason}" Export your answers before you close this tab, or they are lost."</p>
            </div>
        })}
        {move || save_error.get().map(|e| view! {
            <div class="banner banner--error" role="alert" data-testid="participant-save-error">
                <p><strong>"Your latest change is not kept in this browser. "</strong>{e}" It is still on this page: export your answers now."</p>
            </div>
        })}
        {(!prompt.is_empty() || !about.is_empty()).then(|| view! {
            <section class="section participate__invitation" aria-labelledby="p-invitation-h">
                <h2 id="p-invitation-h">"The facilitator's invitation"</h2>
                {(!prompt.is_empty()).then(|| view! { <blockquote class="prompt" data-testid="participant-prompt">{prompt.clone()}</blockquote> })}
                {(!about.is_empty()).then(|| view! { <p class="muted">{format!("What {community} is about: {about}")}</p> })}
            </section>
        })}
        <section class="section participate__stories" aria-labelledby="p-stories-h">
            <h2 id="p-stories-h">{move || format!("Your stories ({})", count())}</h2>
            {move || (count() == 0).then(|| view! { <p class="muted" data-testid="participant-no-stories">"No stories yet: write your first one below."</p> })}
            <ol class="participate__list" data-testid="participant-stories">
                <For each=story_list key=|s| (s.id.clone(), s.updated_at) let:s>
                    {
                        let heading_id = format!("p-story-{}", s.id);
                        let labelled_by = heading_id.clone();
                        let (start, status, follow) = cats.with_value(|c| {
                            (c.label(CatalogueKind::ValueCycles, &s.start_cycle_id), s.status.label(), s.follow_up_on)
                        });
                        let steps = cats.with_value(|c| {
                            s.steps.iter().map(|st| (c.label(CatalogueKind::ValueCycles, &st.cycle_id), st.text.clone())).collect::<Vec<_>>()
                        });
                        let for_edit = s.clone();
                        let (sid, title) = (s.id.clone(), s.title.clone());
                        view! {
                            <li>
                                <article class="card participate__story" aria-labelledby=labelled_by>
                                    <h3 class="card__title" id=heading_id>{s.title.clone()}</h3>
                                    <p class="muted">{format!("Told by {} on {} · starts in “{start}” · {status}", s.teller_name, s.told_on)}
                                        {follow.map(|f| format!(" (follow up on {f})"))}
                                    </p>
                                    <dl class="participate__steps">
                                        {steps.into_iter().map(|(label, text)| view! { <dt>{label}</dt><dd>{text}</dd> }).collect_view()}
                                    </dl>
                                    <p><span class=if s.consent == Consent::Community { "tag tag--private" } else { "tag" }>{s.consent.label()}</span></p>
                                    <div class="form-actions no-print">
                                        <button type="button" class="btn btn--small" on:click=move |_| edit(&for_edit)>
                                            "Edit"<span class="visually-hidden">{format!(" “{}”", s.title)}</span>
                                        </button>
                                        <button type="button" class="btn btn--small btn--danger" on:click=move |_| delete(sid.clone(), title.clone())>
                                            "Delete"<span class="visually-hidden">{format!(" “{}”", s.title)}</span>
                                        </button>
                                    </div>
                                </article>
                            </li>
                        }
                    }
                </For>
            </ol>
        </section>
        <section class="section no-print participate__send" aria-labelledby="p-send-h">
            <h2 id="p-send-h">"Send your answers"</h2>
            <p>"Export your stories as a file and send it to the facilitator (by e-mail or a shared folder). They merge everyone's answers into their workspace in one step. Nothing is sent from here by itself."</p>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" data-testid="participant-export" disabled=move || count() == 0 on:click=export>
                    "Export my answers"
                </button>
                <button type="button" class="btn btn--danger" data-testid="participant-discard" on:click=discard>"Discard my stories"</button>
            </div>
            {move || (count() == 0).then(|| view! { <p class="field__hint">"Write at least one story to export your answers."</p> })}
            {move || export_msg.get().map(|m| match m {
                Ok(text) => view! { <p role="status" data-testid="participant-exported">{text}</p> }.into_any(),
                Err(text) => view! { <p class="field__error" role="alert">{text}</p> }.into_any(),
            })}
            {move || discard_error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
        </section>
        <section class="section no-print participate__form" aria-labelledby="p-form-h">
            <h2 id="p-form-h" tabindex="-1">{move || if editing.get().is_some() { "Edit your story" } else { "Write a story" }}</h2>
            <p class="muted">"A value-creation story follows what taking part led to, one value cycle at a time: an activity, what it gave you, how you used it, what difference it made. Start where your story starts; not every story needs every step. (After Wenger-Trayner.)"</p>
            <form class="form" on:submit=on_submit novalidate=true data-testid="participant-form">
                <div id="p-story-errors" tabindex="-1">
                    {move || {
                        let list = errs.get();
                        (!list.is_empty()).then(|| view! {
                            <div class="problem-box" role="alert">
                                <p><strong>"The story is not saved yet:"</strong></p>
                                <ul>{list.into_iter().map(|e| view! { <li>{e.message}</li> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                </div>
                <TextField id="p-teller" label="Your name" value=form.teller required=true autocomplete="name" error=err("teller")
                    hint="So that the facilitator knows whose story it is."/>
                <TextField id="p-title" label="Title of the story" value=form.title required=true error=err("title")
                    hint="A few words that say what happened."/>
                <SelectField id="p-start" label="Where does your story start?" value=form.start options=Signal::derive(move || cycle_options.clone())
                    error=err("start_cycle_id") hint="Most stories start with an activity or a conversation (immediate value), but a story can start in any cycle."/>
                <fieldset class="story-steps">
                    <legend>"Your story, one step per value cycle"</legend>
                    {move || {
                        let list = steps_error();
                        (!list.is_empty()).then(|| view! {
                            <div id="p-steps-error">{list.into_iter().map(|m| view! { <p class="field__error">{m}</p> }).collect_view()}</div>
                        })
                    }}
                    {form.texts.with_value(|t| t.clone()).into_iter().map(|(step, text)| {
                        let dom = format!("p-step-{}", step.id);
                        let dom_for = dom.clone();
                        let hint_id = format!("{dom}-hint");
                        let sid = step.id.0.clone();
                        let is_start = Signal::derive(move || form.start.get() == sid);
                        let invalid = move || (is_start.get() && !steps_error().is_empty()).then_some("true");
                        let hint_for = hint_id.clone();
                        let described = move || {
                            if is_start.get() && !steps_error().is_empty() { format!("{hint_for} p-steps-error") } else { hint_for.clone() }
                        };
                        let questions = step.questions.join(" ");
                        view! {
                            <div class="field story-step" class:story-step--start=move || is_start.get()>
                                <label for=dom_for>{step.label.clone()}{move || is_start.get().then(|| view! { " " <span class="tag">"your story starts here"</span> })}</label>
                                <p class="field__hint" id=hint_id>
                                    {(!questions.is_empty()).then(|| view! { <span class="participate__questions">{questions}</span>" " })}
                                    {step.description.clone()}
                                </p>
                                <textarea id=dom rows="3" aria-describedby=described aria-invalid=invalid
                                    prop:value=move || text.get()
                                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                            </div>
                        }
                    }).collect_view()}
                    <p class="field__hint">{move || format!("Only the first step (“{}”) is needed; leave the others empty when they do not apply.", start_label())}</p>
                </fieldset>
                <fieldset class="story-status">
                    <legend>"Has it happened yet?"</legend>
                    <label class="check" for="p-realised">
                        <input id="p-realised" type="radio" name="p-status" prop:checked=move || form.status.get() == StoryStatus::Realised
                            on:change=move |_| form.status.set(StoryStatus::Realised)/>
                        "Realised: the story tells what happened"
                    </label>
                    <label class="check" for="p-aspirational">
                        <input id="p-aspirational" type="radio" name="p-status" prop:checked=move || form.status.get() == StoryStatus::Aspirational
                            on:change=move |_| form.status.set(StoryStatus::Aspirational)/>
                        "Aspirational: the ending is what you expect or hope for, to be checked later"
                    </label>
                    {move || (form.status.get() == StoryStatus::Aspirational).then(|| {
                        let e = err("follow_up_on");
                        view! {
                            <div class="field">
                                <label for="p-follow-up">"When should the facilitator check how it turned out?"</label>
                                <input id="p-follow-up" type="date" prop:value=move || form.follow_up.get()
                                    on:change=move |ev| form.follow_up.set(event_target_value(&ev))
                                    aria-invalid=move || e.get().map(|_| "true")
                                    aria-describedby=move || e.get().map(|_| "p-follow-up-error")/>
                                {move || e.get().map(|m| view! { <p class="field__error" id="p-follow-up-error">{m}</p> })}
                            </div>
                        }
                    })}
                </fieldset>
                <fieldset class="story-consent">
                    <legend>"Who may read your story?"</legend>
                    {Consent::ALL.into_iter().map(|c| {
                        let dom = format!("p-consent-{}", c.key());
                        let dom_for = dom.clone();
                        let hint = format!("{dom}-hint");
                        let described = hint.clone();
                        view! {
                            <div class="participate__consent">
                                <label class="check" for=dom_for>
                                    <input id=dom type="radio" name="p-consent" aria-describedby=described
                                        prop:checked=move || form.consent.get() == c on:change=move |_| form.consent.set(c)/>
                                    {c.label()}
                                </label>
                                <p class="field__hint" id=hint>{consent_explained(c)}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                {move || errs.with(|e| field_error(e, "general")).map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" data-testid="participant-save">
                        {move || if editing.get().is_some() { "Save changes" } else { "Save story" }}
                    </button>
                    {move || editing.get().is_some().then(|| view! {
                        <button type="button" class="btn" on:click=move |_| {
                            new_story.with_value(|f| f());
                            saved_msg.set(None);
                        }>"Cancel editing"</button>
                    })}
                </div>
                <p role="status" class="participate__saved" data-testid="participant-saved">{move || saved_msg.get()}</p>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;
    use crate::storage::pieces::{answers_piece, collection_piece, plan_merge_files, FileSource};

    fn collection(prompt: &str) -> CommunityBundle {
        collection_piece(&sample_workspace(), &Id::new("c-negotiators"), prompt).expect("collection")
    }

    fn at(s: &str) -> crate::model::Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn steps_follow_the_cycle_catalogue_with_its_questions() {
        let ws = sample_workspace();
        let steps = cycle_steps(&ws.catalogues);
        let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        let expected: Vec<&str> = ws.catalogues.value_cycles.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, expected);
        let first = &steps[0];
        assert_eq!(first.label, ws.catalogues.value_cycles[0].label);
        assert_eq!(first.description, ws.catalogues.value_cycles[0].description);
        let questions: Vec<String> = ws
            .catalogues
            .children(CatalogueKind::CycleQuestions, &first.id)
            .map(|q| q.label.clone())
            .collect();
        assert!(!questions.is_empty());
        assert_eq!(first.questions, questions);
    }

    #[test]
    fn a_collection_is_the_same_only_with_the_same_community_and_invitation() {
        let a = collection("Tell us about a checkpoint");
        assert!(same_collection(&a, &a.clone()));
        assert!(!same_collection(&a, &collection("Another question")));
        let mut other = a.clone();
        other.community.id = Id::new("c-testing");
        assert!(!same_collection(&a, &other));
    }

    fn draft(title: &str, teller: &str) -> StoryDraft {
        let mut d = StoryDraft::new(
            &Id::new("immediate"),
            chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
        );
        d.title = title.into();
        d.teller_name = teller.into();
        d.set_step(&Id::new("immediate"), "We met at the peer circle.".into());
        d
    }

    #[test]
    fn stories_written_with_the_model_go_back_into_the_file_and_merge_as_additions() {
        let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 2).unwrap();
        let c = collection("Tell us");
        let cid = c.community.id.clone();
        let mut ws = c.as_workspace(at("2025-03-02T10:00:00Z"));
        assert_eq!(
            crate::model::validate_workspace(&ws),
            vec![],
            "the file is sound on its own"
        );
        // The model's own checks give the form's errors.
        let refused = ws.add_story(
            &cid,
            Id::new("s-empty"),
            &draft("", ""),
            today,
            at("2025-03-02T10:00:00Z"),
        );
        let Err(ModelError::Invalid(errs)) = refused else {
            panic!("expected field errors, got {refused:?}")
        };
        assert!(field_error(&errs, "title").is_some());
        assert!(field_error(&errs, "teller").is_some());
        ws.add_story(
            &cid,
            Id::new("s-amal"),
            &draft("Checkpoint", "Amal"),
            today,
            at("2025-03-02T10:01:00Z"),
        )
        .expect("a valid story");
        let with = with_stories_of(c.clone(), &ws);
        assert_eq!(
            crate::model::validate_workspace(&with.as_workspace(at("2025-03-02T10:01:00Z"))),
            vec![]
        );
        assert_eq!(with.community.evaluation.stories.len(), 1);
        assert_eq!(with.community.evaluation.stories[0].teller_name, "Amal");
        // Nothing but the stories changes.
        let mut without = with.clone();
        without.community.evaluation.stories.clear();
        assert_eq!(without, c);

        // The answers merge into the facilitator's workspace as one added story.
        let answers = answers_piece(&c, &with.community.evaluation.stories, "device-a");
        let mine = sample_workspace();
        let plan = plan_merge_files(
            &mine,
            &[(
                "a.json".into(),
                FileSource::Piece(Box::new(answers), at("2025-03-02T10:02:00Z")),
            )],
        )
        .expect("a merge plan");
        assert_eq!(plan.added.len(), 1, "{:?}", plan.added);
        assert!(plan.conflicts.is_empty());
        assert!(plan.updated.is_empty(), "{:?}", plan.updated);
    }

    #[test]
    fn the_page_opens_the_newest_copy_and_never_drops_work_kept_only_in_this_tab() {
        let c = collection("Tell us");
        let ws = {
            let mut ws = c.as_workspace(at("2025-03-02T10:00:00Z"));
            let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 2).unwrap();
            ws.add_story(
                &c.community.id,
                Id::new("s-1"),
                &draft("One", "Amal"),
                today,
                at("2025-03-02T10:01:00Z"),
            )
            .unwrap();
            ws
        };
        let written = with_stories_of(c.clone(), &ws);
        let other = collection("Another question");

        // Storage holds the answers: they open, whatever was opened last.
        assert_eq!(
            choose(Ok(Some(written.clone())), true, Some(c.clone()), None, None),
            Opened::Stored(written.clone())
        );
        // A copy whose save failed is newer than storage.
        assert_eq!(
            choose(Ok(Some(c.clone())), true, None, Some((written.clone(), true)), None),
            Opened::TabOnly(written.clone())
        );
        // A saved copy is not preferred to storage (another tab may have written since).
        assert_eq!(
            choose(Ok(Some(c.clone())), true, None, Some((written.clone(), false)), None),
            Opened::Stored(c.clone())
        );
        // Without storage: the file opened last, or this tab's copy of the same file.
        assert_eq!(
            choose(
                Err("no storage".into()),
                false,
                Some(c.clone()),
                Some((written.clone(), true)),
                None
            ),
            Opened::TabOnly(written.clone())
        );
        assert_eq!(
            choose(
                Err("no storage".into()),
                false,
                Some(other.clone()),
                Some((written.clone(), true)),
                None
            ),
            Opened::TabOnly(other.clone())
        );
        assert_eq!(
            choose(Err("no storage".into()), false, None, None, None),
            Opened::Nothing
        );
        // Discarded: nothing, until another file is opened.
        assert_eq!(choose(Ok(None), true, Some(c.clone()), None, Some(&c)), Opened::Nothing);
        assert_eq!(
            choose(Ok(None), true, Some(other.clone()), None, Some(&c)),
            Opened::TabOnly(other.clone())
        );
        assert_eq!(choose(Ok(None), true, None, None, None), Opened::Nothing);
        // Unreadable stored answers are reported, not replaced.
        assert_eq!(
            choose(Err("cannot be read".into()), true, Some(c.clone()), None, None),
            Opened::Unreadable("cannot be read".into())
        );
    }

    #[test]
    fn a_participant_is_asked_for_their_name_in_their_own_words() {
        let errs = vec![
            FieldError::new("teller", "Say who tells the story: choose a person or type a name"),
            FieldError::new("title", "Title is required"),
        ];
        let out = for_participant(errs.clone(), "  ");
        assert_eq!(
            out[0].message,
            "Write your name, so that the facilitator knows whose story it is"
        );
        assert_eq!(out[1], errs[1], "other messages are the model's");
        // A name that is there but too long keeps the model's message.
        let long = vec![FieldError::new("teller", "The teller's name is too long")];
        assert_eq!(for_participant(long.clone(), "Amal"), long);
    }

    #[test]
    fn every_consent_level_is_explained() {
        for c in Consent::ALL {
            assert!(consent_explained(c).len() > 20);
        }
        assert_ne!(
            consent_explained(Consent::Community),
            consent_explained(Consent::Public)
        );
    }
}
