module.exports = { preset: '@ngo-hub/kit' };
