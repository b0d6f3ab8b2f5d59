//! `/facilitate/:id/meetings/:meeting/run`: run mode for the facilitator, on a projector or
//! a second screen. The current block in large type with its countdown, the next block, and
//! the controls, all on the keyboard. The countdown is computed from the run state's
//! instants and the wall clock on every tick, so a throttled tab or a reload never drifts;
//! the run state lives in the workspace and autosaves.

use leptos::prelude::*;
use std::time::Duration;

use crate::model::meetings::{countdown_label, countdown_words, run_clock};
use crate::model::{CatalogueKind, Id, Timestamp};
use crate::state::{now, AppState};

use super::{MeetingScope, MeetingTab, StatusLine};

#[component]
pub fn RunPage() -> impl IntoView {
    view! { <MeetingScope tab=MeetingTab::Run body=|c, m| view! { <Runner c m/> }.into_any()/> }
}

/// What the screen shows at an instant.
#[derive(Clone, PartialEq)]
struct Screen {
    index: usize,
    count: usize,
    title: String,
    format: Option<String>,
    steps: Vec<String>,
    facilitator: Option<String>,
    notes: String,
    remaining: i64,
    planned: i64,
    elapsed: i64,
    paused: bool,
    next: Option<(String, u32)>,
    meeting_left: i64,
}

#[component]
fn Runner(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let tick = RwSignal::new(now());
    if let Ok(handle) = set_interval_with_handle(move || tick.set(now()), Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let message = RwSignal::new(None::<(bool, String)>);
    let screen = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            let at: Timestamp = tick.get();
            state.ws.with(|w| {
                let mt = w.community(&c)?.facilitation.meetings.iter().find(|x| x.id == m)?;
                let run = mt.run.as_ref()?;
                let k = run_clock(mt, run, at);
                let b = mt.blocks.get(k.block_index)?;
                let fmt = b
                    .format_id
                    .as_ref()
                    .and_then(|f| w.catalogues.entry(CatalogueKind::MeetingFormats, f));
                Some(Screen {
                    index: k.block_index,
                    count: mt.blocks.len(),
                    title: b.title.clone(),
                    format: fmt.map(|e| e.label.clone()),
                    steps: fmt
                        .and_then(|e| e.format.as_ref())
                        .map(|f| f.steps.clone())
                        .unwrap_or_default(),
                    facilitator: b.facilitator_id.as_ref().map(|p| w.person_name(p)),
                    notes: b.notes.clone(),
                    remaining: k.remaining_seconds,
                    planned: k.planned_seconds,
                    elapsed: k.elapsed_seconds,
                    paused: k.paused,
                    next: mt.blocks.get(k.block_index + 1).map(|n| (n.title.clone(), n.minutes)),
                    meeting_left: k.meeting_remaining_seconds,
                })
            })
        })
    };
    let has_blocks = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&c)
                    .and_then(|x| x.facilitation.meetings.iter().find(|x| x.id == m))
                    .is_some_and(|x| !x.blocks.is_empty())
            })
        })
    };
    // The block index and title only: announced politely when the block changes.
    let announce = Memo::new(move |_| {
        screen.with(|s| {
            s.as_ref()
                .map(|s| format!("Block {} of {}: {}", s.index + 1, s.count, s.title))
        })
    });

    #[derive(Clone, Copy)]
    enum Act {
        Start,
        Pause,
        Next,
        Previous,
        Extend,
        Stop,
    }
    let act = {
        let (c, m) = (c.clone(), m.clone());
        move |a: Act| {
            let t = now();
            let r = match a {
                Act::Start => state.edit(|ws| ws.start_run(&c, &m, t)).map(|_| None),
                Act::Pause => state
                    .edit(|ws| ws.toggle_pause(&c, &m, t))
                    .map(|p| Some(if p { "Paused." } else { "Resumed." }.to_string())),
                Act::Next => state.edit(|ws| ws.next_block(&c, &m, t)).map(|end| {
                    end.then(|| "That was the last block: run mode has ended. Record the meeting next.".to_string())
                }),
                Act::Previous => state.edit(|ws| ws.previous_block(&c, &m, t)).map(|_| None),
                Act::Extend => state
                    .edit(|ws| ws.extend_block(&c, &m, 5, t))
                    .map(|_| Some("Extended by 5 minutes.".to_string())),
                Act::Stop => state
                    .edit(|ws| ws.stop_run(&c, &m, t))
                    .map(|_| Some("Run mode ended.".to_string())),
            };
            tick.set(t);
            match r {
                Ok(Some(msg)) => message.set(Some((true, msg))),
                Ok(None) => message.set(None),
                Err(e) => message.set(Some((false, e.to_string()))),
            }
        }
    };
    let running = move || screen.with(|s| s.is_some());
    {
        let act = act.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
                return;
            }
            let in_field = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.closest(".dialog").ok().flatten().is_some()
                });
            if in_field {
                return;
            }
            let is_running = screen.with_untracked(|s| s.is_some());
            let a = match ev.key().as_str() {
                " " | "Spacebar" | "p" | "P" if is_running => Some(Act::Pause),
                "ArrowRight" | "n" | "N" if is_running => Some(Act::Next),
                "ArrowLeft" | "b" | "B" if is_running => Some(Act::Previous),
                "+" | "=" | "e" | "E" if is_running => Some(Act::Extend),
                "s" | "S" if !is_running => Some(Act::Start),
                "f" | "F" => {
                    toggle_fullscreen();
                    None
                }
                _ => None,
            };
            if let Some(a) = a {
                ev.prevent_default();
                act(a);
            }
        });
        on_cleanup(move || handle.remove());
    }
    let (a1, a2, a3, a4, a5, a6) = (
        act.clone(),
        act.clone(),
        act.clone(),
        act.clone(),
        act.clone(),
        act.clone(),
    );
    view! {
        <div class="run-mode" id="run-mode" data-testid="run-mode">
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            {move || match screen.get() {
                None => view! {
                    <div class="run-idle">
                        <p class="run-idle__text" data-testid="run-idle">
                            {if has_blocks.get() { "Run mode is off. Start it when the meeting begins: the timer keeps going across reloads and on other tabs." } else { "The agenda has no blocks yet. Add blocks in the designer first." }}
                        </p>
                        {has_blocks.get().then(|| { let a1 = a1.clone(); view! {
                            <button class="btn btn--primary run-btn" type="button" data-testid="run-start" on:click=move |_| a1(Act::Start)>
                                "Start run mode " <kbd>"S"</kbd>
                            </button>
                        }})}
                    </div>
                }.into_any(),
                Some(s) => {
                    let over = s.remaining < 0;
                    let pct = if s.planned > 0 { (s.elapsed as f64 / s.planned as f64 * 100.0).clamp(0.0, 100.0) } else { 100.0 };
                    let clock_class = if over { "run-clock run-clock--over" } else if s.paused { "run-clock run-clock--paused" } else { "run-clock" };
                    view! {
                        <div class="run-current" data-testid="run-current" data-block-index=s.index.to_string()>
                            <p class="run-position">{format!("Block {} of {}", s.index + 1, s.count)}
                                {s.format.clone().map(|f| format!(" · {f}"))}
                                {s.facilitator.clone().map(|f| format!(" · {f}"))}
                            </p>
                            <h2 class="run-title" data-testid="run-title">{s.title.clone()}</h2>
                            <p class=clock_class role="timer" aria-label=countdown_words(s.remaining) data-testid="run-clock" data-remaining=s.remaining.to_string()>
                                {countdown_label(s.remaining)}
                            </p>
                            <p class="run-state" data-testid="run-state">
                                {if s.paused { "Paused" } else if over { "Over time" } else { "Running" }}
                            </p>
                            <div class="run-progress" aria-hidden="true"><div class="run-progress__bar" style:width=format!("{pct:.1}%")></div></div>
                        </div>
                        <div class="run-next" data-testid="run-next">
                            {match s.next.clone() {
                                Some((t, mins)) => format!("Next: {t} ({mins} min)"),
                                None => "Next: the end of the meeting".into(),
                            }}
                            <span class="muted">{format!(" · About {} left in the meeting as planned", countdown_label(s.meeting_left))}</span>
                        </div>
                    }.into_any()
                }
            }}
            {move || running().then(|| { let (a2, a3, a4, a5, a6) = (a2.clone(), a3.clone(), a4.clone(), a5.clone(), a6.clone()); view! {
                <div class="run-controls" role="group" aria-label="Run mode controls">
                    <button class="btn run-btn" type="button" on:click=move |_| a2(Act::Previous)><kbd>"←"</kbd>" Previous"</button>
                    <button class="btn btn--primary run-btn" type="button" data-testid="run-pause" on:click=move |_| a3(Act::Pause)>
                        <kbd>"Space"</kbd>{move || if screen.with(|s| s.as_ref().is_some_and(|s| s.paused)) { " Resume" } else { " Pause" }}
                    </button>
                    <button class="btn run-btn" type="button" data-testid="run-extend" on:click=move |_| a4(Act::Extend)><kbd>"+"</kbd>" Extend 5 min"</button>
                    <button class="btn run-btn" type="button" data-testid="run-next-btn" on:click=move |_| a5(Act::Next)><kbd>"→"</kbd>" Next / skip"</button>
                    <button class="btn btn--ghost run-btn" type="button" on:click=move |_| a6(Act::Stop)>"End run mode"</button>
                </div>
            }})}
            {move || screen.get().filter(|s| !s.notes.trim().is_empty() || !s.steps.is_empty()).map(|s| view! {
                <div class="run-guide">
                    {(!s.notes.trim().is_empty()).then(|| view! { <p class="run-notes">{s.notes.clone()}</p> })}
                    {(!s.steps.is_empty()).then(|| view! {
                        <ol class="run-steps" aria-label="Steps of the format">{s.steps.clone().into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ol>
                    })}
                </div>
            })}
            <p class="run-keys muted">
                "Keys: " <kbd>"Space"</kbd>" pause or resume · " <kbd>"→"</kbd>" next block (skips the rest of this one) · "
                <kbd>"←"</kbd>" previous block · " <kbd>"+"</kbd>" extend by 5 minutes · " <kbd>"S"</kbd>" start · " <kbd>"F"</kbd>" full screen"
            </p>
            <StatusLine message testid="run-message"/>
        </div>
    }
}

/// Full screen for the run-mode panel, or back.
fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = doc.get_element_by_id("run-mode") {
        let _ = el.request_fullscreen();
    }
}
