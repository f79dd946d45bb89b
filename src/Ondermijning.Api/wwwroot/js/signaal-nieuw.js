// Progressive enhancement of the new-signal form. Without this script the buttons post the form and the server adds or
// removes the row; with it the same happens in place, and "anoniem" clears and disables the reporter's fields.
(function () {
    'use strict';
    var form = document.getElementById('signaalformulier');
    if (!form) return;

    var titles = { persoon: 'Persoon', bedrijf: 'Onderneming', adres: 'Adres' };

    // Every name, id and reference of a row carries its index: Signaal.Personen[2].Naam, persoon-2-naam.
    function renumber(fieldset) {
        var kind = fieldset.getAttribute('data-rijen');
        fieldset.querySelectorAll('[data-rij]').forEach(function (row, i) {
            row.querySelectorAll('[name],[id],[for],[aria-describedby],[data-verwijderen]').forEach(function (el) {
                ['name', 'id', 'for', 'aria-describedby'].forEach(function (attr) {
                    var v = el.getAttribute(attr);
                    if (v) el.setAttribute(attr, v.replace(/\[\d+\]/, '[' + i + ']').replace(new RegExp(kind + '-\\d+-', 'g'), kind + '-' + i + '-'));
                });
                if (el.hasAttribute('data-verwijderen')) {
                    el.setAttribute('formaction', el.getAttribute('formaction').replace(/rij=\d+/, 'rij=' + i));
                    el.textContent = titles[kind] + ' ' + (i + 1) + ' verwijderen';
                }
            });
            var title = row.querySelector('.subject-title');
            if (title) title.textContent = titles[kind] + ' ' + (i + 1);
        });
    }

    function clearRow(row) {
        row.querySelectorAll('input').forEach(function (input) { input.value = ''; input.removeAttribute('aria-invalid'); });
        row.querySelectorAll('.field-error').forEach(function (error) { error.remove(); });
        row.querySelectorAll('[aria-describedby]').forEach(function (el) {
            var ids = el.getAttribute('aria-describedby').split(' ').filter(function (id) { return !/-fout$/.test(id); });
            if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
        });
    }

    form.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-toevoegen],button[data-verwijderen]');
        if (!button) return;
        var fieldset = button.closest('[data-rijen]');
        var rows = fieldset.querySelectorAll('[data-rij]');
        if (button.hasAttribute('data-toevoegen')) {
            event.preventDefault();
            var copy = rows[rows.length - 1].cloneNode(true);
            clearRow(copy);
            rows[rows.length - 1].after(copy);
            renumber(fieldset);
            copy.querySelector('input').focus();
        } else {
            event.preventDefault();
            var row = button.closest('[data-rij]');
            if (rows.length === 1) clearRow(row); else row.remove();
            renumber(fieldset);
            fieldset.querySelector('input').focus();
        }
    });

    var anonymous = document.getElementById('anoniem');
    var reporterFields = form.querySelectorAll('[data-melder]');
    function applyAnonymous(clear) {
        reporterFields.forEach(function (field) {
            if (anonymous.checked && clear) field.value = '';
            // A name typed before the box was ticked is not thrown away unasked: it stays until the box is ticked again.
            field.disabled = anonymous.checked && field.value === '';
        });
    }
    anonymous.addEventListener('change', function () { applyAnonymous(true); });
    applyAnonymous(false);

    var summary = document.getElementById('foutenoverzicht');
    if (summary) summary.focus();
})();
