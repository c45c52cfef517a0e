// Organization picker (dangbo/orgs/widgets.py): once the user ticks a match, it becomes the
// current choice and the list folds; in a filter form the choice applies at once.
// Without this file the picker still works: the ticked radio button is sent with the form.
document.addEventListener("change", (event) => {
  const radio = event.target;
  if (!(radio instanceof HTMLInputElement) || radio.type !== "radio") return;
  const picker = radio.closest("[data-orgpicker]");
  const results = picker && picker.querySelector(".orgpicker-results");
  if (!results || !results.contains(radio)) return;
  picker.querySelector(".orgpicker-current").replaceChildren(radio.closest("label"));
  results.replaceChildren();
  const search = picker.querySelector("input[type=search]");
  search.value = "";
  if (picker.hasAttribute("data-autosubmit") && radio.form) radio.form.requestSubmit();
});
