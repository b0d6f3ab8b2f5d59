fn main() {
    console_error_panic_hook::set_once();
    cultivate::ui::mark("cultivate-start");
    leptos::mount::mount_to_body(cultivate::ui::App);
}
