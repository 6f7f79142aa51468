/**
 * Stands in for the removable tag that the select draws for each value of a multi-select. Every
 * select in these apps picks one value, so no tag is ever drawn; the stub keeps its code and CSS out.
 */
export default function RemovableTagUnused(): null {
  return null;
}
