/** RapiDoc ships no types: importing it only registers the `<rapi-doc>` element, configured by attributes. */
declare module "rapidoc";
