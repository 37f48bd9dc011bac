/* A period step on the map page: the period's arrays come from the frames the server sent for the
   current lens, country and bases, so the map changes without waiting for the network. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  map: {
    period: function (value, frames) {
      var noUpdate = window.dash_clientside.no_update;
      var frame = frames && frames.periods && frames.periods[String(value)];
      if (!frame) { return [noUpdate, noUpdate, noUpdate, noUpdate]; }
      var patch = new window.dash_clientside.Patch();
      frames.common.concat(frame.ops).forEach(function (op) { patch.assign(op[0], op[1]); });
      return [patch.build(), frame.label, frame.as_of, frame.review];
    },
  },
});
