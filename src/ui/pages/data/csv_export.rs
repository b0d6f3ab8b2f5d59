use leptos::prelude::*;

use crate::model::csv::Export;
use crate::state::AppState;

/// The CSV downloads for spreadsheet users, one per [`Export`], under the headings of
/// [`Export::groups`].
#[component]
pub fn CsvExports() -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    view! {
        <h3 id="csv-h">"For spreadsheets (CSV)"</h3>
        <p>"Tables to open in Excel, LibreOffice, Numbers or Google Sheets. Accented and non-Latin names come out intact, and notes with line breaks stay in one cell. They are copies for reading and sorting: changes made in a spreadsheet do not come back into Cultivate."</p>
        {Export::groups().into_iter().enumerate().map(|(i, (group, exports))| {
            let heading_id = format!("csv-group-{i}");
            let labelled_by = heading_id.clone();
            view! {
                <h4 id=heading_id>{group}</h4>
                <ul class="csv-list" aria-labelledby=labelled_by>
                    {exports.into_iter().map(|export| view! { <CsvExportItem export message/> }).collect_view()}
                </ul>
            }
        }).collect_view()}
        {move || message.get().map(|m| match m {
            Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p role="alert" class="field__error">{text}</p> }.into_any(),
        })}
    }
}

/// One download: the button, the number of rows and what a row is.
#[component]
fn CsvExportItem(export: Export, message: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let state = AppState::expect();
    let rows = move || state.ws.with(|ws| export.row_count(ws));
    let desc_id = format!("csv-{}-desc", export.key());
    view! {
        <li class="csv-list__item">
            <button
                class="btn"
                data-testid=format!("csv-{}", export.key())
                aria-describedby=desc_id.clone()
                on:click=move |_| message.set(Some(match state.export_csv(export) {
                    Ok(name) => Ok(format!("Downloaded {name}.")),
                    Err(e) => Err(format!("The download failed: {e}")),
                }))
            >
                {format!("{} (CSV)", export.title())}
            </button>
            <span class="muted" id=desc_id>
                {move || match rows() { 1 => "1 row. ".to_string(), n => format!("{n} rows. ") }}
                {export.description()}
            </span>
        </li>
    }
}
