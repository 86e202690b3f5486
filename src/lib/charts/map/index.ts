export { default as ChoroplethMap } from './ChoroplethMap.svelte';
export { mapClasses, classOf, SEQUENTIAL_RAMP, type MapClass } from './classes';
