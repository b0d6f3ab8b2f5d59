use leptos::prelude::*;

use crate::model::csv::Export;
use crate::state::AppState;

/// The CSV downloads for spreadsheet users, one per [`Export`].
#[component]
pub fn CsvExports() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<Result<String, String>>);
    view! {
        <h3 id="csv-h">"For spreadsheets (CSV)"</h3>
        <p>"Tables to open in Excel, LibreOffice, Numbers or Google Sheets. Accented and non-Latin names come out intact, and notes with line breaks stay in one cell. They are copies for reading and sorting: changes made in a spreadsheet do not come back into Cultivate."</p>
        <ul class="csv-list" aria-labelledby="csv-h">
            {Export::ALL.into_iter().map(|export| {
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
            }).collect_view()}
        </ul>
        {move || message.get().map(|m| match m {
            Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p role="alert" class="field__error">{text}</p> }.into_any(),
        })}
    }
}
