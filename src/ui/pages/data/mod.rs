use leptos::prelude::*;

use crate::model::words::group_digits;
use crate::state::{AppState, StoreBackend as Backend};
use crate::ui::components::{ask, ImportPanel};
use crate::ui::local_datetime;

use super::use_title;

mod catalogue_editor;
mod csv_export;
mod offline;
mod workspaces;
use catalogue_editor::CatalogueEditor;
use csv_export::CsvExports;
use offline::OfflineSection;
use workspaces::WorkspacesSection;

/// localStorage (used only where IndexedDB cannot be) holds about 5.2 million UTF-16
/// characters per site in Chromium.
const STORAGE_BUDGET_CHARS: usize = 5_200_000;

/// "1 stored item", "3 stored items".
fn items(n: usize) -> String {
    if n == 1 {
        "1 stored item".into()
    } else {
        format!("{n} stored items")
    }
}

/// Export (JSON and CSV), import, workspaces, backups, recovery copies, offline use,
/// storage use and the catalogues.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Data & backups".into());
    let export_msg = RwSignal::new(None::<String>);
    let export = move |_| {
        export_msg.set(Some(match state.export_workspace() {
            Ok(name) => format!("Exported {name}."),
            Err(e) => format!("The export failed: {e}"),
        }))
    };
    let action_msg = RwSignal::new(None::<String>);
    let backups = move || state.backups();
    let copies = move || state.recovery_copies();
    view! {
        <div class="page-header">
            <h1>"Data & backups"</h1>
            <p class="lede">"Your work is stored in this browser only. Export it to keep a copy, to move it to another browser, or to share it."</p>
        </div>
        <section class="section" aria-labelledby="export-h">
            <h2 id="export-h">"Export"</h2>
            <p>"Download the whole workspace as a JSON file. To share a piece of it, use “Export community” on a community's page, “Share this meeting” in the meeting designer, or “Share these stories” on a community's stories page."</p>
            <button class="btn btn--primary" data-testid="export-workspace" on:click=export>"Export workspace"</button>
            {move || export_msg.get().map(|m| view! { <p role="status">{m}</p> })}
            <CsvExports/>
        </section>
        <section class="section" aria-labelledby="import-h">
            <h2 id="import-h">"Import"</h2>
            <p>"Import a workspace file to replace this workspace or to merge it into this one. A community, a meeting, stories or participants' answers files merge into it; drop several files at once to merge them in one step. Everything in a file is checked before anything changes, you review a merge before it is made, and your current workspace is backed up first."</p>
            // One Undo at a time: while the passing message offers it, this one waits.
            {move || state.undo_words().filter(|_| !state.notice_offers_undo()).map(|(_, what, redo, from_backup)| {
                let when = if from_backup { "from its backup" } else { "from memory" };
                view! {
                    <div class="banner banner--info" role="status">
                        <p>{format!("You can {what}, restoring the workspace {when}.")}</p>
                        <div class="banner__actions">
                            <button class="btn" data-testid="undo-import-data" on:click=move |_| {
                                if let Err(e) = state.undo_last_replace() { action_msg.set(Some(e)); }
                            }>{if redo { "Redo" } else { "Undo" }}</button>
                        </div>
                    </div>
                }
            })}
            <ImportPanel/>
        </section>
        <WorkspacesSection/>
        <section class="section" aria-labelledby="backups-h">
            <h2 id="backups-h">"Backups"</h2>
            <p>"A backup of the workspace is taken before an import, a restore, the sample or starting over replaces it, and before a workspace is deleted. The newest five are kept."</p>
            {move || match backups() {
                Err(e) => view! { <p class="field__error">{format!("Backups cannot be listed: {e}")}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted" data-testid="no-backups">"No backups yet."</p> }.into_any(),
                Ok(list) => view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Scrollable table">
                        <table class="data-table" data-testid="backups-table">
                            <caption class="visually-hidden">"Backups of this workspace"</caption>
                            <thead><tr><th scope="col">"Taken"</th><th scope="col">"Why"</th><th scope="col">"Workspace"</th><th scope="col" class="num">"Size"</th><th scope="col">"Actions"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|b| {
                                    let (k1, k2) = (b.key.clone(), b.key.clone());
                                    let label = b.label.clone();
                                    let restore = move |_| {
                                        let key = k1.clone();
                                        ask("Restore this backup?", vec![format!("It replaces the current workspace ({label}). The current workspace is backed up first, so this can be undone.")], "Restore", move || {
                                            if let Err(e) = state.restore_backup(&key) { action_msg.set(Some(e)); }
                                        });
                                    };
                                    let delete = move |_| {
                                        let key = k2.clone();
                                        ask("Delete this backup?", vec!["It cannot be brought back.".into()], "Delete backup", move || {
                                            if let Err(e) = state.delete_backup(&key) { action_msg.set(Some(e.to_string())); }
                                        });
                                    };
                                    view! {
                                        <tr>
                                            <td>{local_datetime(b.created_at)}</td>
                                            <td>{b.label}</td>
                                            <td>{b.workspace_name}</td>
                                            <td class="num">{format!("{} KB", b.chars.div_ceil(1000))}</td>
                                            <td><div class="cluster">
                                                <button class="btn btn--small" on:click=restore>"Restore…"</button>
                                                <button class="btn btn--small btn--danger" on:click=delete>"Delete…"</button>
                                            </div></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            {move || action_msg.get().map(|m| view! { <p role="alert" class="field__error">{m}</p> })}
        </section>
        {move || match copies() {
            Ok(list) if !list.is_empty() => Some(view! {
                <section class="section" aria-labelledby="recovery-h">
                    <h2 id="recovery-h">"Set-aside data"</h2>
                    <p>"Stored data that could not be opened, kept when you started a new workspace. Download it to keep it, or to open it in a newer version of Cultivate."</p>
                    <ul class="member-list">
                        {list.into_iter().map(|c| {
                            let (k1, k2) = (c.key.clone(), c.key.clone());
                            let when = c.kept_at.map(local_datetime).unwrap_or_else(|| "unknown time".into());
                            view! {
                                <li>
                                    <span>{format!("Set aside {when} · {} characters", c.chars)}</span>
                                    <span class="cluster">
                                        <button class="btn btn--small" on:click=move |_| { if let Err(e) = state.download_recovery_copy(&k1) { action_msg.set(Some(e.to_string())); } }>"Download"</button>
                                        <button class="btn btn--small btn--danger" on:click=move |_| {
                                            let key = k2.clone();
                                            ask("Delete the set-aside data?", vec!["Download it first if you might need it. It cannot be brought back.".into()], "Delete", move || {
                                                if let Err(e) = state.delete_recovery_copy(&key) { action_msg.set(Some(e.to_string())); }
                                            });
                                        }>"Delete…"</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }),
            _ => None,
        }}
        <OfflineSection/>
        <section class="section" aria-labelledby="usage-h">
            <h2 id="usage-h">"Storage use"</h2>
            {move || match (state.storage_usage(), state.storage_backend()) {
                (Ok((chars, keys)), Backend::IndexedDb) => {
                    view! {
                        <p>
                            {format!("{} characters in {}, ", group_digits(chars), items(keys))}
                            "kept in this browser's IndexedDB. Its room is a share of the device's free disk space, so a large workspace and its backups fit."
                        </p>
                    }.into_any()
                }
                (Ok((chars, keys)), Backend::LocalStorage(why)) => {
                    let pct = (chars as f64 / STORAGE_BUDGET_CHARS as f64 * 100.0).min(100.0);
                    view! {
                        {why.map(|why| view! {
                            <p class="muted">{format!("This browser's IndexedDB could not be used ({why}), so your work is kept in localStorage, which holds about 5.2 million characters.")}</p>
                        })}
                        <div class="usage-meter">
                            <label for="usage">{format!("{:.1}% of about 5.2 million characters ({})", pct, items(keys))}</label>
                            <meter id="usage" min="0" max="100" low="60" high="80" optimum="0" value=format!("{pct:.1}")></meter>
                        </div>
                        {(pct >= 80.0).then(|| view! { <p class="banner banner--warning">"Storage is nearly full. Export your work and delete old backups."</p> })}
                    }.into_any()
                }
                (Err(e), _) => view! { <p class="field__error">{e.to_string()}</p> }.into_any(),
            }}
        </section>
        <CatalogueEditor/>
    }
}
