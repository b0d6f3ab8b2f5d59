use leptos::prelude::*;

use crate::model::onboarding::{level_moves_to_offer, ACTIVE};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::LevelForm;

/// For each member ticked as "moved from peripheral to active" whose participation level
/// still says otherwise: an offer to record the move. Nothing moves without the user.
#[component]
pub fn LevelOffers(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let open = RwSignal::new(None::<Id>);
    let offers = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                level_moves_to_offer(&w.catalogues, c)
                    .into_iter()
                    .filter_map(|mid| {
                        let m = c.memberships.iter().find(|m| m.id == mid)?;
                        Some((
                            mid,
                            w.person_name(&m.person_id),
                            w.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let active = Memo::new(move |_| {
        state
            .ws
            .with(|w| w.catalogues.label(CatalogueKind::ParticipationLevels, &Id::new(ACTIVE)))
    });
    view! {
        <div class="onboarding-offers" aria-live="polite" data-testid="level-offers">
            {move || offers.get().into_iter().map(|(mid, name, level)| {
                let active = active.get();
                let is_open = open.get().as_ref() == Some(&mid);
                let community = id.clone();
                view! {
                    <div class="banner banner--info onboarding-offer">
                        <p>{format!("{name} is ticked as moved to active, but the participation map still shows {level}. Record the move so that the map and the flows between levels show it too.")}</p>
                        {if is_open {
                            view! { <LevelForm community membership=mid current=ACTIVE.to_string() done=move || open.set(None)/> }.into_any()
                        } else {
                            let label = format!("Record {name}'s move to {active}…");
                            view! { <div class="cluster"><button class="btn btn--small" type="button" on:click=move |_| open.set(Some(mid.clone()))>{label}</button></div> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
