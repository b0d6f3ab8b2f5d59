//! Keeping what is typed in the wizard: every field autosaves, and nothing waits on a
//! button that might not be pressed.
//!
//! A field keeps its text in a buffer shared with the wizard ([`Pending`]). The buffer is
//! saved to the workspace a moment after typing stops, when the field loses focus, before
//! the wizard moves to another step, when the page is hidden or reloaded, and when the
//! field goes away. The buffer lives outside the reactive arena, so a save that runs after
//! the field is gone (a timer, a page being hidden) still works.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::model::{field_error, FieldError, FieldErrors, ModelError, ModelResult};
use crate::ui::components::field::described_by;

/// How long after the last keystroke a field saves.
const AUTOSAVE_DELAY_MS: u64 = 700;

type Flusher = Arc<dyn Fn() -> Result<(), String> + Send + Sync>;

/// The wizard's registry of fields with unsaved text. [`Pending::flush`] saves them all.
#[derive(Clone, Copy)]
pub struct Pending {
    items: StoredValue<Vec<(u64, Flusher)>>,
    next: StoredValue<u64>,
}

impl Pending {
    /// Creates the registry for the wizard's fields and provides it to them.
    pub fn provide() -> Self {
        let p = Pending {
            items: StoredValue::new(Vec::new()),
            next: StoredValue::new(0),
        };
        provide_context(p);
        p
    }

    /// Registers a field's save for as long as the calling component lives. When the
    /// component goes away, what it still holds is saved.
    fn register(flusher: Flusher) {
        let Some(p) = use_context::<Pending>() else {
            // Outside the wizard: the field still saves on its timer and on blur.
            on_cleanup(move || {
                let _ = flusher();
            });
            return;
        };
        let id = p.next.get_value();
        p.next.set_value(id + 1);
        p.items.update_value(|v| v.push((id, flusher.clone())));
        on_cleanup(move || {
            let _ = flusher();
            p.items.try_update_value(|v| v.retain(|(i, _)| *i != id));
        });
    }

    /// Saves every field with unsaved text. The first problem is returned (each field shows
    /// its own message); the fields without problems are saved anyway.
    pub fn flush(&self) -> Result<(), String> {
        let all: Vec<Flusher> = self
            .items
            .try_with_value(|v| v.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        let mut first = Ok(());
        for f in all {
            if let Err(e) = f() {
                if first.is_ok() {
                    first = Err(e);
                }
            }
        }
        first
    }
}

struct Shared<T> {
    value: T,
    dirty: bool,
    timer: Option<TimeoutHandle>,
}

/// A value being edited that saves itself (see the module documentation).
pub struct Autosave<T: 'static> {
    shared: Arc<Mutex<Shared<T>>>,
    save: Arc<dyn Fn(&T) -> ModelResult + Send + Sync>,
    /// The messages of the last refused save, shown next to the fields.
    pub errors: RwSignal<FieldErrors>,
}

impl<T: 'static> Clone for Autosave<T> {
    fn clone(&self) -> Self {
        Autosave {
            shared: self.shared.clone(),
            save: self.save.clone(),
            errors: self.errors,
        }
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Autosave<T> {
    /// A buffer holding `initial`, saved with `save`. Call it inside the component that
    /// shows the fields, so that it saves when they go away.
    pub fn new(initial: T, save: impl Fn(&T) -> ModelResult + Send + Sync + 'static) -> Self {
        let a = Autosave {
            shared: Arc::new(Mutex::new(Shared {
                value: initial,
                dirty: false,
                timer: None,
            })),
            save: Arc::new(save),
            errors: RwSignal::new(Vec::new()),
        };
        let me = a.clone();
        Pending::register(Arc::new(move || me.commit()));
        a
    }

    /// The current value, saved or not.
    pub fn get(&self) -> T {
        self.shared
            .lock()
            .map(|s| s.value.clone())
            .unwrap_or_else(|e| e.into_inner().value.clone())
    }

    /// Changes the value and saves it shortly, unless more typing follows.
    pub fn edit(&self, f: impl FnOnce(&mut T)) {
        let Ok(mut s) = self.shared.lock() else { return };
        f(&mut s.value);
        s.dirty = true;
        if let Some(t) = s.timer.take() {
            t.clear();
        }
        let me = self.clone();
        s.timer = set_timeout_with_handle(
            move || {
                let _ = me.commit();
            },
            Duration::from_millis(AUTOSAVE_DELAY_MS),
        )
        .ok();
    }

    /// Changes the value and saves it at once (a choice in a select, a checkbox).
    pub fn set_now(&self, f: impl FnOnce(&mut T)) -> Result<(), String> {
        if let Ok(mut s) = self.shared.lock() {
            f(&mut s.value);
            s.dirty = true;
        }
        self.commit()
    }

    /// Saves the value if it changed since the last save.
    pub fn commit(&self) -> Result<(), String> {
        let value = {
            let Ok(mut s) = self.shared.lock() else { return Ok(()) };
            if let Some(t) = s.timer.take() {
                t.clear();
            }
            if !s.dirty {
                return Ok(());
            }
            s.value.clone()
        };
        let result = (self.save)(&value);
        match result {
            Ok(()) => {
                if let Ok(mut s) = self.shared.lock() {
                    if s.value == value {
                        s.dirty = false;
                    }
                }
                self.errors.try_set(Vec::new());
                Ok(())
            }
            Err(e) => {
                let message = e.to_string();
                let errors = match e {
                    ModelError::Invalid(errs) => errs,
                    other => vec![FieldError::new("", other.to_string())],
                };
                self.errors.try_set(errors);
                Err(message)
            }
        }
    }

    /// The message for one field, for showing next to it.
    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| field_error(e, field)))
    }

    /// A message that belongs to no field (the record is gone, say).
    pub fn general_error(&self) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| field_error(e, "")))
    }
}

/// A form for a new record (a strategic link, a topic, a person) that is added when its
/// button is pressed, and also when the wizard moves on or the page goes away, so that
/// what was typed is never dropped. An empty form adds nothing.
pub struct NewItem<T: 'static> {
    shared: Arc<Mutex<T>>,
    is_empty: fn(&T) -> bool,
    add: Arc<dyn Fn(&T) -> ModelResult + Send + Sync>,
    reset: Arc<dyn Fn() + Send + Sync>,
    pub errors: RwSignal<FieldErrors>,
}

impl<T: 'static> Clone for NewItem<T> {
    fn clone(&self) -> Self {
        NewItem {
            shared: self.shared.clone(),
            is_empty: self.is_empty,
            add: self.add.clone(),
            reset: self.reset.clone(),
            errors: self.errors,
        }
    }
}

impl<T: Clone + Default + Send + Sync + 'static> NewItem<T> {
    /// `reset` clears the form's inputs after an add.
    pub fn new(
        is_empty: fn(&T) -> bool,
        add: impl Fn(&T) -> ModelResult + Send + Sync + 'static,
        reset: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let n = NewItem {
            shared: Arc::new(Mutex::new(T::default())),
            is_empty,
            add: Arc::new(add),
            reset: Arc::new(reset),
            errors: RwSignal::new(Vec::new()),
        };
        let me = n.clone();
        Pending::register(Arc::new(move || me.add()));
        n
    }

    pub fn edit(&self, f: impl FnOnce(&mut T)) {
        if let Ok(mut s) = self.shared.lock() {
            f(&mut s);
        }
    }

    /// Adds the record if anything was typed; clears the form when it was added.
    pub fn add(&self) -> Result<(), String> {
        let value = match self.shared.lock() {
            Ok(s) => s.clone(),
            Err(_) => return Ok(()),
        };
        if (self.is_empty)(&value) {
            self.errors.try_set(Vec::new());
            return Ok(());
        }
        match (self.add)(&value) {
            Ok(()) => {
                if let Ok(mut s) = self.shared.lock() {
                    *s = T::default();
                }
                self.errors.try_set(Vec::new());
                (self.reset)();
                Ok(())
            }
            Err(e) => {
                let message = e.to_string();
                let errors = match e {
                    ModelError::Invalid(errs) => errs,
                    other => vec![FieldError::new("", other.to_string())],
                };
                self.errors.try_set(errors);
                Err(message)
            }
        }
    }

    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| field_error(e, field)))
    }

    pub fn general_error(&self) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| field_error(e, "")))
    }
}

/// A labelled input or textarea over a text signal, with a hint and an inline error. It
/// calls `on_text` on every keystroke and `on_leave` when focus leaves with a change.
#[component]
pub fn WizardField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    on_text: impl Fn(String) + 'static,
    on_leave: impl Fn() + 'static,
    #[prop(into, optional)] error: MaybeProp<String>,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] required: bool,
    #[prop(into, optional)] class: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(&id, hint.is_some(), error);
    let invalid = move || error.get().map(|_| "true");
    let input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        value.set(v.clone());
        on_text(v);
    };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=id.clone()
                rows=rows.unwrap_or(4)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=input
                on:change=move |_| on_leave()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=id.clone()
                type="text"
                required=required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=input
                on:change=move |_| on_leave()
            />
        }
        .into_any()
    };
    view! {
        <div class=format!("field {}", class.unwrap_or_default())>
            <label for=id.clone()>{move || label.get()}{required.then(|| view! { <span aria-hidden="true">" *"</span> })}</label>
            {control}
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// A field over one text of an [`Autosave`] buffer: `get` reads it from the value and
/// `set` writes it back.
#[component]
pub fn AutosaveField<T: Clone + PartialEq + Send + Sync + 'static>(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    buffer: Autosave<T>,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
    /// The name of the field in the model's messages.
    field: &'static str,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] required: bool,
    /// The input's text, when the caller wants to read it (a button label naming it).
    #[prop(optional)]
    value: Option<RwSignal<String>>,
) -> impl IntoView {
    let value = value.unwrap_or_else(|| RwSignal::new(get(&buffer.get())));
    let (typing, leaving) = (buffer.clone(), buffer.clone());
    view! {
        <WizardField
            id
            label
            value
            on_text=move |v| typing.edit(|t| set(t, v))
            on_leave=move || {
                let _ = leaving.commit();
            }
            error=buffer.error(field)
            hint=hint
            multiline
            rows=rows.unwrap_or(4)
            required
        />
    }
}

/// A field over one text of a [`NewItem`] form; `value` is the input's signal, which the
/// form's reset clears.
#[component]
pub fn NewItemField<T: Clone + Default + Send + Sync + 'static>(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    item: NewItem<T>,
    value: RwSignal<String>,
    set: fn(&mut T, String),
    field: &'static str,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let typing = item.clone();
    view! {
        <WizardField
            id
            label
            value
            on_text=move |v| typing.edit(|t| set(t, v))
            on_leave=|| {}
            error=item.error(field)
            hint=hint
            multiline
            rows=rows.unwrap_or(3)
        />
    }
}

/// Shows a message that belongs to no single field.
pub fn general_message(message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="field__error" role="alert">{m}</p> })
    }
}
