/** The Compare screen: a baseline and an improved run side by side, trained now or reopened from run folders. */
package io.counterweight.app.compare;
