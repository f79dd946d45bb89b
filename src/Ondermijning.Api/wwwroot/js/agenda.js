// Each agenda row shows only the fields its chosen decision needs; the others are hidden and disabled, so nothing hidden
// is sent. Without this script every field stays visible, each saying for which decision it is.
document.querySelectorAll("select[data-besluit]").forEach(select => {
    const row = select.closest("tr");
    const update = () => row.querySelectorAll("fieldset[data-stappen]").forEach(fieldset => {
        const needed = fieldset.dataset.stappen.split(" ").includes(select.value);
        fieldset.hidden = !needed;
        fieldset.disabled = !needed;
    });
    select.addEventListener("change", update);
    update();
});
document.querySelectorAll("[data-afdrukken]").forEach(button => button.addEventListener("click", () => window.print()));
