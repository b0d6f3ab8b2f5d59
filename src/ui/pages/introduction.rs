use leptos::prelude::*;
use leptos_router::components::A;

use super::use_title;

/// Guidebook chapter 1: what a community of practice is, and what it is not.
#[component]
pub fn IntroductionPage() -> impl IntoView {
    use_title(|| "Introduction".into());
    view! {
        <div class="page-header">
            <h1>"Introduction"</h1>
            <p class="lede">"What a community of practice is, and how it differs from the structures organisations know better."</p>
        </div>
        <div class="prose">
            <h2>"A learning partnership"</h2>
            <p>"A community of practice is a lasting learning partnership among people who share a concern or a passion for something they do, and who get better at it by interacting regularly. Learning may be why they meet, or a welcome side effect."</p>
            <h2>"Three elements"</h2>
            <table class="definition-table">
                <caption>"The structural elements of a community of practice (Wenger-Trayner)"</caption>
                <thead><tr><th scope="col">"Element"</th><th scope="col">"What it means"</th><th scope="col">"Where it lives in Cultivate"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"Domain"</th><td>"The shared area of competence or learning need that gives members an identity."</td><td>"A community's domain statement and key issues"</td></tr>
                    <tr><th scope="row">"Community"</th><td>"The relationships and sense of belonging that grow as members learn together: a bond, not sameness."</td><td>"Members, their participation levels and roles"</td></tr>
                    <tr><th scope="row">"Practice"</th><td>"The repertoire members build and use: experiences, stories, tools, cases, ways of handling recurring problems."</td><td>"The practice repertoire"</td></tr>
                </tbody>
            </table>
            <h2>"Not a team, not just a network"</h2>
            <table class="definition-table">
                <caption>"How a community of practice differs from other structures (after Wenger & Snyder, 2000)"</caption>
                <thead><tr><th scope="col">"Structure"</th><th scope="col">"Purpose"</th><th scope="col">"Who belongs"</th><th scope="col">"What holds it together"</th><th scope="col">"How long it lasts"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"Community of practice"</th><td>"Build members' capability; create and exchange knowledge"</td><td>"People who select themselves"</td><td>"Passion, commitment, identification with the domain"</td><td>"As long as the learning is worth it"</td></tr>
                    <tr><th scope="row">"Work unit"</th><td>"Deliver a product or service"</td><td>"Everyone reporting to the manager"</td><td>"Job requirements and shared goals"</td><td>"Until the next reorganisation"</td></tr>
                    <tr><th scope="row">"Project team"</th><td>"Accomplish a specific task"</td><td>"People assigned to it"</td><td>"Milestones and goals"</td><td>"Until the project ends"</td></tr>
                    <tr><th scope="row">"Informal network"</th><td>"Collect and pass on information"</td><td>"Friends and acquaintances"</td><td>"Mutual need"</td><td>"As long as people keep connecting"</td></tr>
                </tbody>
            </table>
            <p>"A team is held together by a task and delivers a product; a community is held together by the learning value members find in it, and delivers a capability. Community and network are two aspects of the same social fabric: every community is also a network, but a network becomes a community when its members share an identity around a domain and take care of it together."</p>
            <h2>"Which structure fits your group?"</h2>
            <p>"The structure chooser asks about purpose, who belongs, what holds the group together, lifespan, deliverables and boundaries, and recommends a structure with its reasons and what to do next. You can save the result against a community."</p>
            <p class="cluster">
                <A href=crate::ui::href("/organisation/chooser") attr:class="btn btn--primary">"Is it a community of practice?"</A>
                <A href=crate::ui::href("/cultivate/new") attr:class="btn">"Form a new community"</A>
                <A href=crate::ui::href("/communities")>"Go to your communities"</A>
            </p>
        </div>
    }
}
