fn main() {
    console_error_panic_hook::set_once();
    cultivate::ui::mark("cultivate-start");
    // The stored documents are read (and moved from localStorage, the first time) before the
    // app mounts, so nothing in the app reads or writes storage before loading finished.
    // Until then the page says it is opening (index.html), and why it waits if that is slow.
    cultivate::ui::boot::explain_if_slow();
    wasm_bindgen_futures::spawn_local(async {
        cultivate::storage::kv::open().await;
        cultivate::ui::boot::finish();
        leptos::mount::mount_to_body(cultivate::ui::App);
    });
}
