// Starts the GOV.UK Frontend components on the page. Every page also works without it.
import { initAll } from '../../govuk/govuk-frontend.min.js'

initAll()
