use leptos::prelude::*;

/// A question before a destructive action.
#[derive(Clone)]
pub struct ConfirmRequest {
    pub title: String,
    /// Paragraphs: what will happen, and what it affects.
    pub body: Vec<String>,
    pub confirm_label: String,
    pub on_confirm: Callback<()>,
}

#[derive(Clone, Copy)]
struct Confirmer(RwSignal<Option<ConfirmRequest>>);

/// Asks the user to confirm; `on_confirm` runs only on a clear yes.
pub fn ask(
    title: impl Into<String>,
    body: Vec<String>,
    confirm_label: impl Into<String>,
    on_confirm: impl Fn() + Send + Sync + 'static,
) {
    if let Some(Confirmer(slot)) = use_context::<Confirmer>() {
        slot.set(Some(ConfirmRequest {
            title: title.into(),
            body,
            confirm_label: confirm_label.into(),
            on_confirm: Callback::new(move |_| on_confirm()),
        }));
    }
}

/// Renders the pending confirmation as a modal dialog. Escape or Cancel says no; focus
/// starts on Cancel so that Enter never destroys anything by accident, and returns to
/// where it was afterwards.
#[component]
pub fn ConfirmHost(children: Children) -> impl IntoView {
    let slot = RwSignal::new(None::<ConfirmRequest>);
    provide_context(Confirmer(slot));
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let return_focus = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if slot.with(|s| s.is_some()) {
            let active = document()
                .active_element()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            return_focus.set_value(active);
            if let Some(b) = cancel_ref.get() {
                let _ = b.focus();
            }
        }
    });
    let restore_focus = move || {
        let target = return_focus.get_value().filter(|el| el.is_connected());
        match target {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                if let Some(main) = document().get_element_by_id("main") {
                    if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                        let _ = main.set_attribute("tabindex", "-1");
                        let _ = main.focus();
                    }
                }
            }
        }
    };
    let close = move || {
        slot.set(None);
        restore_focus();
    };
    view! {
        {children()}
        {move || {
            slot.get()
                .map(|req| {
                    let on_confirm = req.on_confirm;
                    view! {
                        <div class="dialog-backdrop">
                            <div
                                class="dialog"
                                role="alertdialog"
                                aria-modal="true"
                                aria-labelledby="confirm-title"
                                aria-describedby="confirm-body"
                                on:keydown=move |ev| {
                                    if ev.key() == "Escape" {
                                        close();
                                    } else if ev.key() == "Tab" {
                                        // Keep focus inside the dialog: it has two buttons.
                                        ev.prevent_default();
                                        let on_cancel = document().active_element().zip(cancel_ref.get()).is_some_and(|(a, c)| {
                                            let c: &web_sys::Element = &c;
                                            &a == c
                                        });
                                        let target = if on_cancel { confirm_ref.get().map(|b| b.focus()) } else { cancel_ref.get().map(|b| b.focus()) };
                                        let _ = target;
                                    }
                                }
                            >
                                <h2 id="confirm-title">{req.title}</h2>
                                <div id="confirm-body">
                                    {req.body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                                </div>
                                <div class="dialog__actions">
                                    <button class="btn" node_ref=cancel_ref on:click=move |_| close()>"Cancel"</button>
                                    <button
                                        class="btn btn--danger"
                                        data-testid="confirm-yes"
                                        node_ref=confirm_ref
                                        on:click=move |_| {
                                            // Act first, then restore focus: if the action removed the
                                            // button that opened the dialog, focus the page instead.
                                            slot.set(None);
                                            on_confirm.run(());
                                            restore_focus();
                                        }
                                    >
                                        {req.confirm_label}
                                    </button>
                                </div>
                            </div>
                        </div>
                    }
                })
        }}
    }
}
